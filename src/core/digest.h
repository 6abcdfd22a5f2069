/*
** digest.h — SHA-1 and base64, the two pieces of the WebSocket opening
** handshake (RFC 6455 §4.2.2): Sec-WebSocket-Accept is
** base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")).
*/
#ifndef HS_DIGEST_H
#define HS_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#define HS_SHA1_LEN 20
/* Length of Sec-WebSocket-Accept: base64 of a 20-byte digest. */
#define HS_WS_ACCEPT_LEN 28

/* Writes the SHA-1 digest (RFC 3174) of data[0..n) into out. The caller
** guarantees data has n readable bytes (data may be NULL when n is 0). */
void hs_sha1(const void *data, size_t n, uint8_t out[HS_SHA1_LEN]);

/* Writes the base64 (RFC 4648 §4, with padding) of in[0..n) into out and
** returns its length, or -1 if it needs more than cap bytes. No NUL. */
int hs_base64_encode(const uint8_t *in, size_t n, char *out, size_t cap);

/* Decodes canonical padded base64 in[0..n) into out; returns the number of
** bytes, or -1 if the text is not canonical base64 (bad character, length
** not a multiple of 4, misplaced '=', non-zero pad bits) or out is too small. */
int hs_base64_decode(const char *in, size_t n, uint8_t *out, size_t cap);

/* Writes the 28 characters of Sec-WebSocket-Accept for the key
** key[0..n) (the field value as received) into out. No NUL. The caller
** guarantees n <= 92 (a valid key is 24 characters). */
void hs_ws_accept(const char *key, size_t n, char out[HS_WS_ACCEPT_LEN]);

#endif
