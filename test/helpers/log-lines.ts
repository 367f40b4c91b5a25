import { vi } from 'vitest';

export interface LogLines {
  /** The JSON lines the bot's log wrote so far, parsed, with the stream each went to. */
  entries(): (Record<string, unknown> & { stream: 'stdout' | 'stderr' })[];
  stop(): void;
}

/**
 * Captures what Powertools' Logger writes: its own Console over process.stdout and process.stderr
 * (not the global console), one JSON line per entry. Lines that are not the bot's pass through.
 */
export function captureLogLines(): LogLines {
  const captured: (Record<string, unknown> & { stream: 'stdout' | 'stderr' })[] = [];
  const spies = (['stdout', 'stderr'] as const).map((stream) => {
    const original = process[stream].write.bind(process[stream]);
    return vi.spyOn(process[stream], 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const ours = text
        .split('\n')
        .filter((line) => line.startsWith('{') && line.includes('"service":"db-restore-bot"'))
        .map((line) => ({ ...(JSON.parse(line) as Record<string, unknown>), stream }));
      if (ours.length === 0) return original(chunk, ...rest);
      captured.push(...ours);
      return true;
    }) as typeof process.stdout.write);
  });
  return {
    entries: () => [...captured],
    stop: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
}
