import test from 'ava';
import {blameText, matchBlame, addressedItem} from '../../source/core/blame.js';
import {renderHtml} from '../../source/core/review-html.js';
import {escapeMarkdownCell, githubCommentLimit, pathSummary, renderMarkdown, shortenPath, type ReviewDoc, type ReviewEntry} from '../../source/core/review.js';
import {compareItems} from '../../source/core/compare.js';
import {makeItem} from '../../source/core/item.js';
import {formatFlagsError} from '../../source/commands/review-flags.js';
import {githubTable, tableCells} from '../helpers/markdown-table.js';

/** Checks that a markdown text holds exactly one table GitHub renders as one: header, separator, same-width rows. */
function assertGithubTable(t: import('ava').ExecutionContext, markdown: string, columns: number, rows: number): void {
	const table = githubTable(markdown);
	t.truthy(table, 'a table');
	t.like(table, {separator: true, blankBefore: true});
	t.is(table!.header.length, columns, 'header cells');
	t.is(table!.rows.length, rows, 'one row per entry');
	const lines = markdown.split('\n').filter((line) => line.startsWith('|'));
	for (const line of lines.slice(2)) {
		t.is(tableCells(line).length, columns, `same cell count: ${line}`);
		t.false(/<[a-z/]/i.test(line), 'no HTML tag in a cell');
	}
}

function apiItem(name: string, id: string, extra: Record<string, unknown> = {}) {
	return makeItem('api', {api_definition: {api_id: id, name, proxy: {listen_path: `/${id}/`, target_url: 'http://upstream'}, auth: {}, ...extra}});
}

const secret = 'S3cr3t-upstream-password-value';

function entryFor(name: string, id: string, rightExtra: Record<string, unknown> = {}): ReviewEntry {
	const left = apiItem(name, id, {upstream_auth: {basic_auth: {password: 'old-secret-value-here'}}});
	const right = apiItem(name, id, {upstream_auth: {basic_auth: {password: secret}}, ...rightExtra});
	const compared = compareItems(left, right);
	return {status: 'changed', kind: 'api classic', name, id, paths: compared.changes, leftText: compared.leftText, rightText: compared.rightText, secretsChanged: []};
}

function doc(entries: ReviewEntry[]): ReviewDoc {
	return {title: 'tyk-console diff staging', leftLabel: 'git main@abc1234', rightLabel: 'live staging', summary: '3 item(s): 1 changed', statusHeader: 'Status', entries, seeAll: 'tyk-console diff staging --full'};
}

test('review markdown: a hostile name and path cannot break the table or inject HTML', (t) => {
	const hostile = 'Pay|ments <img src=x onerror=alert(1)> `code` [link](http://x) *b*\nnext';
	const entries = [entryFor(hostile, 'a|b'), {...entryFor('Orders', 'orders'), origin: 'live', blame: 'changed in the Dashboard on 2026-12-03 10:00 UTC by bob|<b>'}];
	const markdown = renderMarkdown(doc(entries));
	assertGithubTable(t, markdown, 6, 2);
	t.false(markdown.includes('<img'));
	t.true(markdown.includes('&#124;'));
	t.false(markdown.split('\n').some((line) => line.startsWith('|') && line.includes('`')));
	// The details summaries are escaped too.
	t.false(/<summary>[^\n]*<img/.test(markdown));
	t.is((markdown.match(/<details>/g) ?? []).length, 2);
	t.is((markdown.match(/```diff/g) ?? []).length, 2);
});

test('review markdown: no secret, masked as everywhere else; the origin column only when items carry one', (t) => {
	const markdown = renderMarkdown(doc([entryFor('Payments', 'pay')]));
	t.false(markdown.includes(secret));
	t.true(markdown.includes('••••'));
	assertGithubTable(t, markdown, 4, 1);
	t.false(markdown.includes('| Origin'));
	t.true(markdown.includes('| Status | Kind | Name | Changed paths |'));
});

test('review markdown: past the comment limit the largest diffs are cut first, the table stays, a note says how to see all', (t) => {
	const big = Array.from({length: 3000}, (_unused, index) => [`k${index}`, `value ${index}`]);
	const entries = [
		entryFor('Small', 'small'),
		entryFor('Huge', 'huge', {config_data: Object.fromEntries(big)}),
		entryFor('Large', 'large', {config_data: Object.fromEntries(big.slice(0, 1500))}),
	];
	const markdown = renderMarkdown(doc(entries));
	t.true(markdown.length <= githubCommentLimit, `${markdown.length} characters`);
	assertGithubTable(t, markdown, 4, 3);
	t.regex(markdown, /Cut to fit GitHub's 65,536-character comment limit/);
	t.true(markdown.includes('tyk\\-console diff staging --full') || markdown.includes('tyk-console diff staging --full'));
	// The small item keeps its whole diff.
	t.regex(markdown, /<b>Small \(small\)<\/b>[\s\S]*?```diff[\s\S]*?```/);
	t.false(markdown.includes(secret));
	const small = renderMarkdown(doc([entryFor('Small', 'small')]));
	t.false(small.includes('Cut to fit'));
});

test('review markdown: a table too long for the limit keeps whole rows and says how many were cut', (t) => {
	const entries = Array.from({length: 2000}, (_unused, index): ReviewEntry => ({status: 'changed', kind: 'policy', name: `Policy number ${index} with a long name`, id: `policy-${index}`, paths: ['rate', 'per', 'quota_max']}));
	const markdown = renderMarkdown(doc(entries));
	t.true(markdown.length <= githubCommentLimit);
	const rows = markdown.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Status') && !line.startsWith('| ---'));
	t.true(rows.length > 100 && rows.length < 2000);
	t.regex(markdown, new RegExp(`${2000 - rows.length} table row\\(s\\)`));
});

test('review markdown: cells and paths', (t) => {
	t.is(escapeMarkdownCell('a|b'), 'a&#124;b');
	t.is(escapeMarkdownCell('x\ny'), 'x\\\\u000ay');
	t.is(shortenPath('a'.repeat(100)).length, 60);
	t.is(pathSummary(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']), 'a, b, c, d, e, f (+2 more)');
});

test('review html: one self-contained page, side by side, everything escaped, no secret', (t) => {
	const page = renderHtml(doc([entryFor('<script>alert(1)</script>', 'x"y'), {status: 'invalid', kind: 'file', name: 'broken.json', paths: [], error: 'Unexpected <token>'}]));
	t.false(page.includes('<script'));
	t.false(/\b(src|href)\s*=\s*["']?https?:/i.test(page));
	t.false(/<link\b|@import|url\(/i.test(page));
	t.false(page.includes(secret));
	t.true(page.includes('&#60;script&#62;'));
	t.regex(page, /<table class="diff">/);
	t.regex(page, /<td class="del">|<td class="ins">/);
	t.true(page.startsWith('<!DOCTYPE html>'));
});

test('blame: the journal when it wrote what is live, else the newest Dashboard update of the item', (t) => {
	const targets = [
		{key: 'api:a', kind: 'api' as const, id: 'a', liveHash: 'sha256:aaa'},
		{key: 'api:b', kind: 'api' as const, id: 'b', dbId: '64b0000000000000000000bb', liveHash: 'sha256:bbb'},
		{key: 'policy:c', kind: 'policy' as const, id: 'c', liveHash: 'sha256:ccc'},
	];
	const writes = [
		{time: '2026-12-01T10:00:00.000Z', user: 'ops', environment: 'staging', operation: 'op1', kind: 'api' as const, id: 'a', result: 'applied', source: 'git main@abc1234', after: 'sha256:aaa'},
		{time: '2026-12-01T10:00:00.000Z', user: 'ops', environment: 'staging', operation: 'op1', kind: 'api' as const, id: 'b', result: 'applied', source: 'git main@abc1234', after: 'sha256:old'},
		{time: '2026-12-02T10:00:00.000Z', user: 'ops', environment: 'prod', operation: 'op2', kind: 'policy' as const, id: 'c', result: 'applied', source: 'git main@abc1234', after: 'sha256:ccc'},
	];
	const records = [
		{user: 'alice', at: '2026-12-02T09:00:00.000Z', method: 'PUT', url: '/api/apis/64b0000000000000000000bb', status: 200},
		{user: 'bob', at: '2026-12-02T08:00:00.000Z', method: 'PUT', url: '/api/apis/b', status: 200},
		{user: 'eve', at: '2026-12-02T11:00:00.000Z', method: 'PUT', url: '/api/apis/b', status: 403},
		{user: 'mallory', at: '2026-12-02T12:00:00.000Z', method: 'GET', url: '/api/apis/b', status: 200},
	];
	// A later dump of staging read the same live body, but wrote Git: it is not who changed live.
	writes.push({time: '2026-12-03T10:00:00.000Z', user: 'dumper', environment: 'staging', operation: 'op9', kind: 'api', id: 'a', result: 'applied', source: 'live staging', after: 'sha256:aaa'});
	const found = matchBlame(targets, 'staging', writes, records);
	t.deepEqual(found.get('api:a'), {by: 'ops', at: '2026-12-01T10:00:00.000Z', via: 'tyk-console', operation: 'op1'});
	t.deepEqual(found.get('api:b'), {by: 'alice', at: '2026-12-02T09:00:00.000Z', via: 'dashboard'});
	t.false(found.has('policy:c'), 'a write to another environment says nothing');
	// An item deleted live: a Dashboard DELETE names who, a tyk-console delete (after: null) is the journal's.
	const gone = matchBlame([
		{key: 'template:t', kind: 'template', id: 't', liveHash: null},
		{key: 'api:d', kind: 'api', id: 'd', liveHash: null},
	], 'staging', [{time: '2026-12-01T10:00:00.000Z', user: 'ops', environment: 'staging', operation: 'op3', kind: 'template', id: 't', result: 'applied', source: 'git main@abc1234', after: null}],
	[{user: 'carol', at: '2026-12-02T09:00:00.000Z', method: 'DELETE', url: '/api/apis/d', status: 200}]);
	t.like(gone.get('template:t'), {via: 'tyk-console', operation: 'op3'});
	t.like(gone.get('api:d'), {by: 'carol', via: 'dashboard'});
	t.deepEqual(addressedItem('/api/apis/oas/x%2Fy/categories'), {kind: 'api', id: 'x/y'});
	t.deepEqual(addressedItem('/api/portal/policies/gold?x=1'), {kind: 'policy', id: 'gold'});
	t.is(addressedItem('/api/apis'), undefined);
	t.is(blameText({by: 'alice', at: '2026-12-02T09:00:00.000Z', via: 'dashboard'}), 'changed in the Dashboard on 2026-12-02 09:00 UTC by alice');
	t.is(blameText({by: 'ops', at: '2026-12-01T10:00:05.123Z', via: 'tyk-console publish'}), 'changed by tyk-console publish on 2026-12-01 10:00 UTC (ops)');
});

test('review formats: the flags that do not go together are named', (t) => {
	t.regex(formatFlagsError({format: 'markdown', json: true}, 'diff')!, /--json/);
	t.regex(formatFlagsError({format: 'html'}, 'diff')!, /--out FILE/);
	t.regex(formatFlagsError({format: 'markdown'}, 'plan')!, /--dry-run/);
	t.regex(formatFlagsError({out: 'x.html'}, 'diff')!, /--format html/);
	t.is(formatFlagsError({format: 'html', out: 'x.html'}, 'diff'), undefined);
	t.is(formatFlagsError({format: 'markdown', dryRun: true}, 'plan'), undefined);
	t.is(formatFlagsError({out: 'plan.json'}, 'plan'), undefined, 'publish --out still saves a plan');
	t.is(formatFlagsError({json: true}, 'diff'), undefined);
});
