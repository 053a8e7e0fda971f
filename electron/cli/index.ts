import { runCli } from './cli';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('habeas: an internal error occurred.\n');
    process.exitCode = 1;
  },
);
