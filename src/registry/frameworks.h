/*
** frameworks.h — what each framework calls a status code and the reason
** phrase it sends with it (frameworks.def, read from each framework's own
** source), for lookup's "frameworks".
**
** The table is compiled in, except in builds with HS_FRAMEWORKS_EXTERNAL
** (the first wasm module), which leave it out and read it from a blob
** (frameworks.bin, loaded the first time a card shows it):
**   "HSF1", u16 framework count F (1..HS_FW_MAX), u16 row count R;
**   F records of five u16: the offsets of key, name, prefix, unknown and
**     source in the string area;
**   R records of eight bytes: u16 code, u8 framework (< F), u8 kinds, u16
**     symbol offset, u16 phrase offset. kinds bits 0-1 are the symbol (0
**     status.def's NAME, 1 none, 2 the string at its offset), bits 2-3 the
**     phrase (0 status.def's phrase, 1 that phrase in capitals, 2 none, 3
**     the string at its offset); an offset that is not used is 0;
**   the string area: NUL-terminated strings, the last byte NUL, at most
**     64 KiB, every offset inside it.
** All numbers little endian. gen_catalog writes it (hs_frameworks_blob).
*/
#ifndef HS_REGISTRY_FRAMEWORKS_H
#define HS_REGISTRY_FRAMEWORKS_H

#include <stddef.h>

struct hs_json;

#define HS_FW_MAGIC "HSF1"
#define HS_FW_MAX 32

/* Writes, as a JSON array value, one object per framework of frameworks.def
** for code: {"id","name","symbol","phrase","listed","source"}. symbol is
** null when the framework has none for code; phrase is what the framework
** sends (for an unlisted code, its phrase for unknown codes), or null when
** the source read does not say. Built with HS_FRAMEWORKS_EXTERNAL and no
** blob installed, writes null (the table is not here yet). The caller
** guarantees j is open where a value may go; code may be any int. */
void hs_frameworks_json(struct hs_json *j, int code);

/* Installs blob b[0..len) (the format above) as the framework table for
** the JSON written after it, in place of the compiled one if any. Returns
** HS_OK, or HS_EINVAL (and keeps the table it had) unless b is well-formed.
** The caller keeps b unchanged while it is installed. */
int hs_frameworks_load(const unsigned char *b, size_t len);

#ifndef HS_FRAMEWORKS_EXTERNAL
/* Writes the compiled table as a blob into out[0..cap); returns its
** length, or HS_ENOSPC when it needs more than cap bytes. */
int hs_frameworks_blob(unsigned char *out, size_t cap);
#endif

#endif
