// The team database's design document: CouchDB runs validate_doc_update on every write, so a
// malformed document or a note changed by someone other than its author never enters, whichever
// client sends it. The function is JavaScript source for CouchDB's query server.
export const DESIGN_ID = '_design/regulars';

const TYPES = ['member', 'tag', 'identity', 'order', 'note', 'contact', 'reminder', 'segment', 'siteRule', 'setting'];

export const validateDocUpdate = `function (newDoc, oldDoc, userCtx) {
  var admin = userCtx.roles.indexOf('_admin') !== -1;
  if (newDoc._id.indexOf('_design/') === 0) { if (!admin) throw({ forbidden: 'only an admin changes design documents' }); return; }
  if (newDoc._deleted) {
    if (oldDoc && oldDoc.type === 'note' && oldDoc.owner !== userCtx.name && !admin) throw({ forbidden: 'only the author of a note can delete it' });
    return;
  }
  var types = ${JSON.stringify(TYPES)};
  if (types.indexOf(newDoc.type) === -1) throw({ forbidden: 'unknown document type' });
  if (newDoc._id.indexOf(newDoc.type + ':') !== 0) throw({ forbidden: 'the id must start with its type' });
  if (newDoc.type !== 'member' && newDoc.type !== 'tag' && newDoc.type !== 'setting' && (typeof newDoc.row !== 'object' || newDoc.row === null)) throw({ forbidden: 'a ' + newDoc.type + ' needs its row' });
  if (newDoc.type === 'note') {
    if (typeof newDoc.row.text !== 'string' || !newDoc.row.text) throw({ forbidden: 'a note needs its text' });
    if (!oldDoc && newDoc.owner !== userCtx.name && !admin) throw({ forbidden: 'a note is written in its author\\'s name only' });
    if (oldDoc && (oldDoc.owner !== userCtx.name || newDoc.owner !== oldDoc.owner) && !admin) throw({ forbidden: 'only the author of a note can change it' });
  }
  if (newDoc.type === 'contact' && oldDoc && !oldDoc._deleted && !admin) throw({ forbidden: 'the contact log is append-only' });
}`;

export const designDoc = { _id: DESIGN_ID, validate_doc_update: validateDocUpdate };
