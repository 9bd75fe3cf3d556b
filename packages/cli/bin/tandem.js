#!/usr/bin/env node
// Entry shim for `npx tandem`: the CLI is TypeScript run by Node 24's built-in type stripping (ADR 0002).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `tandem: needs Node.js 24 or later, found ${process.version}. Run it through npm (npx tandem, npm start), ` +
      'which uses the Node 24 installed by `npm ci`.\n',
  );
  process.exit(2);
}
// A closed pipe (`tandem ... | head`) ends the command quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
