import { textOf } from '../read';
import type { DetectedBuyer } from '../types';

// The order data meta box, server-rendered by woocommerce/woocommerce
// plugins/woocommerce/includes/admin/meta-boxes/class-wc-meta-box-order-data.php. A WooCommerce
// buyer has no handle; the billing e-mail is the one key every order carries (guests included), so
// it is the handle. Most stable first, all H (ids and names from the source):
// 1. the billing e-mail field of the edit form, input#_billing_email;
// 2. the read-only billing address block's mailto: link;
// 3. the e-mail inside the registered customer's option, "Name (#id – email)", select#customer_user.
const ORDER_DATA = '#order_data';

function emailIn(text: string | null | undefined): string | undefined {
  return /[^\s()<>,;:]+@[^\s()<>,;:]+\.[^\s()<>,;:]+/.exec(text ?? '')?.[0];
}

export function findWoocommerceBuyer(root: ParentNode): DetectedBuyer | undefined {
  const box = root.querySelector(ORDER_DATA);
  if (!box) return undefined; // e.g. post.php?post=N&action=edit on a blog post
  const handle =
    emailIn(box.querySelector('input#_billing_email')?.getAttribute('value')) ??
    emailIn(box.querySelector('.order_data_column .address a[href^="mailto:"]')?.getAttribute('href')) ??
    emailIn(textOf(box.querySelector('select#customer_user option[selected], select#customer_user option')));
  if (!handle) return undefined;
  const first = box.querySelector('input#_billing_first_name')?.getAttribute('value')?.trim() ?? '';
  const last = box.querySelector('input#_billing_last_name')?.getAttribute('value')?.trim() ?? '';
  const customer = textOf(box.querySelector('select#customer_user option[selected]')).replace(/\s*\(#.*$/, '');
  const name = `${first} ${last}`.trim() || customer || undefined;
  return { handle, name };
}
