// XML text escaping shared by the KML and XLSX writers. Control characters XML 1.0 forbids are
// dropped rather than written, which would make the whole file unreadable.
// eslint-disable-next-line no-control-regex -- these are exactly the characters to drop
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
