// Printed after `npm start`: where the builds are and how to load them.
import fs from 'node:fs';
import path from 'node:path';

const builds = [
  ['Chromium, Chrome, Edge (Manifest V3)', '.output/chrome-mv3', 'chrome://extensions → Developer mode → Load unpacked → choose the folder'],
  ['Firefox (Manifest V3)', '.output/firefox-mv3', 'about:debugging#/runtime/this-firefox → Load Temporary Add-on → choose manifest.json in the folder'],
];
for (const [name, dir, how] of builds) {
  const manifest = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifest)) {
    console.error(`missing: ${manifest} (the build failed?)`);
    process.exitCode = 1;
    continue;
  }
  console.log(`\n${name}\n  ${path.resolve(dir)}\n  load it: ${how}`);
}
