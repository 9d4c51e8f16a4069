import { parseArgs } from 'node:util';
import { resolveDataDir } from '../data-dir';
import { commands, exitCodes } from './commands';

const usage = `Usage: reviewdesk <command> [--data-dir DIR] [--json]

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}`)
  .join('\n')}

Options:
  --data-dir DIR  Data folder (default: $REVIEWDESK_DATA_DIR, else the app's own folder)
  --json          Print one JSON object instead of text
  --help          Show this help

Exit codes: 0 ok, 1 a check failed, 2 bad usage.`;

/** Runs one CLI invocation and returns its exit code; printing goes through `out`/`err`. */
export async function runCli(
  argv: string[],
  out: (text: string) => void = (text) => process.stdout.write(`${text}\n`),
  err: (text: string) => void = (text) => process.stderr.write(`${text}\n`),
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        demo: { type: 'boolean', default: false },
        seed: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return exitCodes.usage;
  }
  const { values, positionals } = parsed;
  const [name, ...extra] = positionals;
  if (values.help || name === 'help') {
    out(usage);
    return exitCodes.ok;
  }
  const command = name ? commands[name] : undefined;
  if (!command || extra.length > 0) {
    err(`${name ? `Unknown command or extra arguments: ${positionals.join(' ')}` : 'No command given.'}\n\n${usage}`);
    return exitCodes.usage;
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isSafeInteger(seed)) {
    err(`--seed must be a whole number, got "${values.seed}".`);
    return exitCodes.usage;
  }
  const result = await command.run({ dataDir: resolveDataDir(values['data-dir']), demo: values.demo, seed });
  const print = result.code === exitCodes.ok ? out : err;
  print(values.json ? JSON.stringify(result.json) : result.text);
  return result.code;
}

// Run when executed directly (tsx, the bundle, or the bin), not when imported by tests.
const entry = process.argv[1] ?? '';
if (/cli[\\/]main\.ts$|[\\/]out[\\/]main[\\/]cli\.js$/.test(entry)) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(exitCodes.failed);
    },
  );
}
