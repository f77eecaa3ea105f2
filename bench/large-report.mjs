// A large synthetic report: a real corpus report's tables and prose repeated until the text is big enough.
import { readFileSync } from 'node:fs';

export function largeReport(bytes) {
  const seed = readFileSync(new URL('../test/fixtures/corpus/000_05203f94ff7e5eba.txt', import.meta.url), 'utf8');
  const prose = seed.split('\n').filter((l) => l.length > 60 && !l.includes('\t'));
  const parts = [seed];
  let size = Buffer.byteLength(seed);
  for (let i = 0; size < bytes; i++) {
    const line = `${prose[i % prose.length]}\n\n`;
    parts.push(line);
    size += Buffer.byteLength(line);
  }
  return parts.join('');
}
