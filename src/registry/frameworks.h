/*
** frameworks.h — what each framework calls a status code and the reason
** phrase it sends with it (frameworks.def, read from each framework's own
** source), for lookup's "frameworks".
*/
#ifndef HS_REGISTRY_FRAMEWORKS_H
#define HS_REGISTRY_FRAMEWORKS_H

struct hs_json;

/* Writes, as a JSON array value, one object per framework of frameworks.def
** for code: {"id","name","symbol","phrase","listed","source"}. symbol is
** null when the framework has none for code; phrase is what the framework
** sends (for an unlisted code, its phrase for unknown codes), or null when
** the source read does not say. The caller guarantees j is open where a
** value may go; code may be any int. */
void hs_frameworks_json(struct hs_json *j, int code);

#endif
