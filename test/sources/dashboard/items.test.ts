import test from 'ava';
import {makeItem} from '../../../source/core/item.js';
import {writeBody} from '../../../source/sources/dashboard/index.js';

const classic = makeItem('api', {api_definition: {id: 'db1', api_id: 'a', org_id: 'o1', name: 'A'}, hook_references: [], oas: null});
const oas = makeItem('api', {oas: {openapi: '3.0.3', 'x-tyk-api-gateway': {info: {id: 'b', dbId: 'db2', orgId: 'o1', name: 'B'}}}, categories: ['c']});
const policy = makeItem('policy', {_id: 'db3', name: 'P', org_id: 'o1'});
const template = makeItem('template', {_id: 'db4', id: 't', org_id: 'o1', kind: 'oas-template'});

test('environment-local ids and org are stripped when no orgId is configured', (t) => {
	t.deepEqual(writeBody(classic), {api_definition: {api_id: 'a', name: 'A'}, hook_references: []});
	t.deepEqual(writeBody(oas), {openapi: '3.0.3', 'x-tyk-api-gateway': {info: {id: 'b', name: 'B'}}});
	t.deepEqual(writeBody(policy), {name: 'P', id: 'db3'}, 'a policy without id keeps its portable id (the old _id) as id');
	t.deepEqual(writeBody(template), {id: 't', kind: 'oas-template'});
});

test('a configured orgId is stamped', (t) => {
	t.is((writeBody(classic, 'org9')['api_definition'] as {org_id: string}).org_id, 'org9');
	t.is(((writeBody(oas, 'org9')['x-tyk-api-gateway'] as {info: {orgId: string}}).info.orgId), 'org9');
	t.is(writeBody(policy, 'org9')['org_id'], 'org9');
	t.is(writeBody(template, 'org9')['org_id'], 'org9');
});

test('the item body itself is never modified', (t) => {
	writeBody(classic, 'org9');
	t.is((classic.body['api_definition'] as {id: string}).id, 'db1');
});
