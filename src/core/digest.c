/*
** digest.c — SHA-1 (RFC 3174) and base64 (RFC 4648) for the WebSocket
** handshake. See digest.h. Small and portable, not fast: the engine hashes
** one 60-byte string per handshake.
*/
#include "digest.h"

#include <string.h>

/* Returns x rotated left by n bits (0 < n < 32). */
static uint32_t rol(uint32_t x, unsigned n) { return (x << n) | (x >> (32 - n)); }

/* Runs the SHA-1 compression function on one 64-byte block. */
static void sha1_block(uint32_t h[5], const uint8_t *p)
{
    uint32_t w[80], a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 80; i++)
        w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    for (int i = 0; i < 80; i++) {
        uint32_t f, k, t;
        if (i < 20)
            f = (b & c) | (~b & d), k = 0x5A827999;
        else if (i < 40)
            f = b ^ c ^ d, k = 0x6ED9EBA1;
        else if (i < 60)
            f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
        else
            f = b ^ c ^ d, k = 0xCA62C1D6;
        t = rol(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = rol(b, 30);
        b = a;
        a = t;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
}

/* See digest.h. */
void hs_sha1(const void *data, size_t n, uint8_t out[HS_SHA1_LEN])
{
    uint32_t h[5] = { 0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0 };
    const uint8_t *p = data;
    uint8_t tail[128] = { 0 };
    size_t rest = n % 64, tail_len = rest < 56 ? 64 : 128;
    uint64_t bits = (uint64_t)n * 8;
    for (size_t i = 0; i + 64 <= n; i += 64)
        sha1_block(h, p + i);
    if (rest)
        memcpy(tail, p + n - rest, rest);
    tail[rest] = 0x80;
    for (int i = 0; i < 8; i++)
        tail[tail_len - 1 - i] = (uint8_t)(bits >> (8 * i));
    sha1_block(h, tail);
    if (tail_len == 128)
        sha1_block(h, tail + 64);
    for (int i = 0; i < 5; i++) {
        out[4 * i] = (uint8_t)(h[i] >> 24);
        out[4 * i + 1] = (uint8_t)(h[i] >> 16);
        out[4 * i + 2] = (uint8_t)(h[i] >> 8);
        out[4 * i + 3] = (uint8_t)h[i];
    }
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* See digest.h. */
int hs_base64_encode(const uint8_t *in, size_t n, char *out, size_t cap)
{
    size_t need = (n + 2) / 3 * 4, o = 0;
    if (need > cap)
        return -1;
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16;
        if (i + 1 < n)
            v |= (uint32_t)in[i + 1] << 8;
        if (i + 2 < n)
            v |= in[i + 2];
        out[o++] = b64[v >> 18 & 63];
        out[o++] = b64[v >> 12 & 63];
        out[o++] = i + 1 < n ? b64[v >> 6 & 63] : '=';
        out[o++] = i + 2 < n ? b64[v & 63] : '=';
    }
    return (int)o;
}

/* Returns the 6-bit value of a base64 character, or -1. */
static int b64_value(char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

/* See digest.h. */
int hs_base64_decode(const char *in, size_t n, uint8_t *out, size_t cap)
{
    size_t o = 0;
    if (n % 4)
        return -1;
    for (size_t i = 0; i < n; i += 4) {
        int v[4], pad = 0;
        uint32_t w;
        for (int k = 0; k < 4; k++) {
            v[k] = b64_value(in[i + k]);
            if (in[i + k] == '=' && i + 4 == n && k >= 2) {
                v[k] = 0;
                pad++;
            } else if (v[k] < 0 || pad)
                return -1; /* a character after '=' or outside the alphabet */
        }
        if (pad == 1 && in[i + 2] == '=')
            return -1; /* "x=y=" */
        w = (uint32_t)v[0] << 18 | (uint32_t)v[1] << 12 | (uint32_t)v[2] << 6 | (uint32_t)v[3];
        if ((pad == 1 && (w & 0xFF)) || (pad == 2 && (w & 0xFFFF)))
            return -1; /* non-zero pad bits: not canonical (RFC 4648 §3.5) */
        if (o + 3 - (size_t)pad > cap)
            return -1;
        out[o++] = (uint8_t)(w >> 16);
        if (pad < 2)
            out[o++] = (uint8_t)(w >> 8);
        if (pad < 1)
            out[o++] = (uint8_t)w;
    }
    return (int)o;
}

/* See digest.h. */
void hs_ws_accept(const char *key, size_t n, char out[HS_WS_ACCEPT_LEN])
{
    static const char guid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    uint8_t buf[128], digest[HS_SHA1_LEN];
    size_t k = n < sizeof buf - (sizeof guid - 1) ? n : sizeof buf - (sizeof guid - 1);
    memcpy(buf, key, k);
    memcpy(buf + k, guid, sizeof guid - 1);
    hs_sha1(buf, k + sizeof guid - 1, digest);
    hs_base64_encode(digest, sizeof digest, out, HS_WS_ACCEPT_LEN);
}
