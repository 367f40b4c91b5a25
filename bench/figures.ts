/** One figure per line, `name: value unit`, so runs can be compared with a diff. */
export function printFigure(name: string, value: number, unit: string): void {
  console.log(`${name}: ${value} ${unit}`);
}
