/**
 * Just enough protocol-buffer reading for Anki's newer collections and
 * packages: note-type and template configs, and the package media list.
 * Unknown fields are skipped, as protobuf intends.
 */
export type ProtoField = { no: number; wire: number; int?: bigint; bytes?: Uint8Array };

export function readProto(buf: Uint8Array): ProtoField[] {
  const out: ProtoField[] = [];
  let i = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (i >= buf.length) throw new Error("truncated varint");
      const b = buf[i++]!;
      result |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return result;
      shift += 7n;
      if (shift > 70n) throw new Error("varint too long");
    }
  };
  while (i < buf.length) {
    const key = Number(varint());
    const no = key >>> 3;
    const wire = key & 7;
    if (wire === 0) out.push({ no, wire, int: varint() });
    else if (wire === 2) {
      const len = Number(varint());
      if (i + len > buf.length) throw new Error("truncated field");
      out.push({ no, wire, bytes: buf.subarray(i, i + len) });
      i += len;
    } else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else throw new Error(`unsupported wire type ${wire}`);
  }
  return out;
}

const utf8 = new TextDecoder("utf-8");

export function protoString(fields: readonly ProtoField[], no: number): string {
  const f = fields.find((x) => x.no === no && x.bytes);
  return f?.bytes ? utf8.decode(f.bytes) : "";
}

export function protoInt(fields: readonly ProtoField[], no: number): number {
  const f = fields.find((x) => x.no === no && x.int !== undefined);
  return f?.int !== undefined ? Number(f.int) : 0;
}
