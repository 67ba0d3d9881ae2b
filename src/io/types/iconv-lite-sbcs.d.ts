// iconv-lite's single-byte code page tables (data only, no Buffer), read by src/io/text-encoding.ts.
declare module 'iconv-lite/encodings/sbcs-data-generated.js' {
  const tables: Record<string, { type?: string; chars?: string } | string | number>;
  export default tables;
}
