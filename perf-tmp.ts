import { cases } from './bench/exchange.bench';
const c = cases().find((x) => x.name.startsWith('export Markdown'))!;
for (let i = 0; i < 5; i++) c.run();
const ts: number[] = [];
for (let i = 0; i < 15; i++) { const s = performance.now(); c.run(); ts.push(performance.now() - s); }
ts.sort((a, b) => a - b); console.log('median', ts[7]!.toFixed(1), 'min', ts[0]!.toFixed(1));
