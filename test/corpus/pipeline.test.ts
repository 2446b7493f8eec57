import { describe, expect, it } from 'vitest';
import type { OutlineNode } from '../../src/model.js';
import { clean } from '../../src/clean/index.js';
import { outline } from '../../src/outline/index.js';
import { decoded } from '../support/models.js';

// Rules that show only when the stages run one after another (src/pipeline.ts): what an earlier
// stage does to the text decides what a later one reads. Each stage's own rules are pinned in its
// own folder, on its own input model (test/support/models.ts).

/** A node as [marker, depth, ordinals, head, children]. */
type Shape = [string, number, string, string, Shape[]];
const shape = (n: OutlineNode): Shape => [n.marker.text, n.depth, n.ordinals.join('.'), n.head.text, n.children.map(shape)];

describe('clean, then outline', () => {
  it('reads 1\\ue010深入… (a private-use separator) as item 1', () => {
    expect(outline(clean(decoded(['一、加强平台建设', '1\ue010深入推进政府网站集约化。', '2\ue010加强政务新媒体管理。']))).roots.map(shape)).toEqual([
      ['一、', 1, '1', '加强平台建设', [['1', 2, '1.1', '深入推进政府网站集约化。', []], ['2', 2, '1.2', '加强政务新媒体管理。', []]]],
    ]);
  });
});
