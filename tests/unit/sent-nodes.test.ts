import { describe, expect, it } from 'vitest';
import { compactNodes, expandNodes, type ObservedNode, sentNode } from '../../lib/schema';

function node(id: number, parent: number, after: number): ObservedNode {
  return {
    id,
    parent,
    after,
    tag: 'li',
    role: 'listitem',
    field: null,
    box: { x: 0, y: id, w: 9, h: 9 },
    states: [],
  };
}

describe('sent nodes', () => {
  it('leave out the ids and places the list says, and read back the same', () => {
    const nodes = [
      node(10, 0, 4), // a new list after node 4, which is not sent
      node(11, 10, 0),
      node(12, 10, 11),
      node(13, 10, 12),
      node(20, 0, 10), // a jump in ids
      node(21, 20, 0),
      node(14, 10, 13), // back to the first list: its latest listed child is 13
      node(15, 0, 20), // follows 14, and the latest listed under the document is 20
    ];
    const sent = compactNodes(nodes);
    for (const each of sent) expect(sentNode.parse(each)).toEqual(each);
    expect(sent.map((each) => [each.id ?? '-', each.after ?? '-'])).toEqual([
      [10, 4],
      ['-', '-'],
      ['-', '-'],
      ['-', '-'],
      [20, '-'],
      ['-', '-'],
      [14, '-'],
      ['-', '-'],
    ]);
    expect(expandNodes(sent)).toEqual(nodes);
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(nodes).length);
  });

  it('read lists that give every id and place as they are', () => {
    const nodes = [node(3, 0, 0), node(1, 0, 3), node(2, 1, 0)];
    expect(expandNodes(nodes)).toEqual(nodes);
  });
});
