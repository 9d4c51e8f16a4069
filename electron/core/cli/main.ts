import { parseArgs } from 'node:util';
import { resolveDataDir } from '../data-dir';
import { commands, exitCodes } from './commands';

const usage = `Usage: reviewdesk <command> [--data-dir DIR] [--json]

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(16)} ${command.summary}`)
  .join('\n')}

Options:
  --data-dir DIR  Data folder (default: $REVIEWDESK_DATA_DIR, else the app's own folder)
  --json          Print one JSON object instead of text
  --case ID       evidence add: link the files to this case
  --kind K        evidence add: chat_record, call_recording, qc_report, logistics_proof, unboxing_video, other
  --platform P    import, watch set: taobao, tmall, douyin, jd, pinduoduo, kuaishou
  --shop NAME     import, watch set: the shop (on that platform) the reviews belong to
  --latest        restore: the newest backup that passes the integrity check
  --encoding E    import: utf8, gb18030 (also gbk), utf16le, utf16be; default: detected
  --yes           evidence clean-orphans: really delete
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
        case: { type: 'string' },
        kind: { type: 'string' },
        platform: { type: 'string' },
        shop: { type: 'string' },
        latest: { type: 'boolean', default: false },
        encoding: { type: 'string' },
        yes: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return exitCodes.usage;
  }
  const { values, positionals } = parsed;
  // Commands with a group take two words (`evidence add`); the rest are one word.
  const grouped = positionals[0] !== undefined && positionals[1] !== undefined && `${positionals[0]} ${positionals[1]}` in commands;
  const name = grouped ? `${positionals[0]} ${positionals[1]}` : positionals[0];
  const args = positionals.slice(grouped ? 2 : 1);
  if (values.help || name === 'help') {
    out(usage);
    return exitCodes.ok;
  }
  const command = name ? commands[name] : undefined;
  if (!command || (args.length > 0 && !command.takesArgs)) {
    err(`${name ? `Unknown command or extra arguments: ${positionals.join(' ')}` : 'No command given.'}\n\n${usage}`);
    return exitCodes.usage;
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isSafeInteger(seed)) {
    err(`--seed must be a whole number, got "${values.seed}".`);
    return exitCodes.usage;
  }
  const result = await command.run({
    dataDir: resolveDataDir(values['data-dir']),
    demo: values.demo,
    seed,
    args,
    caseId: values.case,
    kind: values.kind,
    platform: values.platform,
    shop: values.shop,
    latest: values.latest,
    encoding: values.encoding,
    yes: values.yes,
  });
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
