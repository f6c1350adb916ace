import type { PanelAnchor } from '../types';

// The edit screen's side column of meta boxes (#postbox-container-1, WordPress core's edit-form
// layout, used by WooCommerce's order screen in both HPOS and legacy modes). H. At its top: at the
// bottom, below Order notes, the panel was out of sight; the column is some 280 px wide.
export function woocommerceAnchor(root: ParentNode): PanelAnchor | undefined {
  if (!root.querySelector('#order_data')) return undefined;
  const parent = root.querySelector('#postbox-container-1');
  return parent ? { parent, placement: 'top' } : undefined;
}
