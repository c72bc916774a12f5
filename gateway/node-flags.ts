/**
 * Node flags the gateway process runs with, wherever it is started (docker-compose.yml, the
 * `start:gateway` script, the throughput benchmark).
 *
 * --max-old-space-size=512: besides the ceiling, V8 picks the old generation's growing factor from
 * it. With the default ceiling on a large machine (several GB) the factor is 4: after a full GC
 * with ~45 MB live, the old generation grows to ~180 MB of mostly garbage from short requests
 * before the next one, and resident memory follows (peak 219-284 MB under load). At 512 MB the
 * factor is about 1.5, so full GCs come earlier and the peak stays at 167-175 MB for the same
 * load, with no measurable change in CPU per request (BENCHMARKS.md, tuning log). Live data
 * (schema, query plan and document caches) stays far below 512 MB.
 *
 * --max-semi-space-size=8: the young generation at 16 MB instead of 32. With subscriptions and
 * more of the schema the peak had crept to 192-201 MB against a 200 MB goal; with it 174-181 MB,
 * and CPU per request within the spread of runs without it (BENCHMARKS.md, tuning log): the
 * gateway's garbage is short-lived request state that dies young whatever the young generation's
 * size, so the more frequent scavenges copy little.
 */
export const GATEWAY_NODE_FLAGS = ['--max-old-space-size=512', '--max-semi-space-size=8'];
