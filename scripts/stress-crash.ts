/**
 * `npm run stress:crash` (issue #13, "Crash safety"): SIGKILLs the built headless server at random
 * moments under RADIUS, counter, Send Money, bKash checkout and backup load, restarts it on the same data dir and
 * checks that nothing acknowledged was lost or counted twice. `rounds=N` (default 50) and
 * `seed=N` (repeat a run) as npm-style arguments or environment variables.
 * Exits 1 when anything was lost.
 */
import { runCrashRounds } from '../test/helpers/crashRounds';

function arg(name: string): string | undefined {
  const given = process.argv.slice(2).find((a) => a.startsWith(`${name}=`));
  return given ? given.slice(name.length + 1) : (process.env[name] ?? process.env[`npm_config_${name}`]);
}

function wholeNumber(name: string, fallback: number | undefined): number | undefined {
  const v = arg(name);
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`stress:crash: ${name} must be a whole number of at least 1 (got "${v}")\n`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const rounds = wholeNumber('rounds', 50)!;
  const seed = wholeNumber('seed', undefined);
  const t0 = Date.now();
  const report = await runCrashRounds({ rounds, seed, log: (l) => process.stdout.write(`${l}\n`) });
  const c = report.counts;
  const restarts = [...c.restartMs].sort((a, b) => a - b);
  const median = restarts[Math.floor(restarts.length / 2)] ?? 0;
  const lines = [
    `rounds: ${report.rounds} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    `records checked: ${report.recordsChecked} (accounting acks ${c.accountingAcks}, session checks ${c.sessionChecks}, logins ${c.logins}, ` +
      `sales ${c.sales}, card redeems ${c.redeems}, Send Money payments ${c.payments}, gateway payments ${c.gatewayPayments}, backups ${c.backups}, router reboots ${c.reboots})`,
    `bKash: ${c.gatewayCharged} charged at the fake, each completed once; ${c.gatewayCallbacksResent} callbacks re-sent after a restart, ` +
      `${c.gatewayRechecks} open payments rechecked (payments.recheck)`,
    `killed during: accounting ${c.killedDuring.accounting}, sale ${c.killedDuring.sale}, redeem ${c.killedDuring.redeem}, ` +
      `payment ${c.killedDuring.payment}, bKash callback ${c.killedDuring.gateway}, held bKash execute ${c.killedDuring.executeHeld}, ` +
      `backup ${c.killedDuring.backup} (rounds with such a request in flight)`,
    `restarts that found a half-written backup (removed by the next one): ${c.partialBackupsLeft}`,
    `restart to ready: median ${median} ms, max ${restarts.at(-1) ?? 0} ms`,
    `lost: ${report.lost.length}`,
    ...report.lost.map((l) => `  ${l}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = report.lost.length === 0 ? 0 : 1;
}

main().catch((e: unknown) => {
  process.stderr.write(`stress:crash: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
