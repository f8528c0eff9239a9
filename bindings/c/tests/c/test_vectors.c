/*
 * Official vectors through the C API: RFC 9380 (h2c/, expand_message_xmd and the four
 * G1/G2 suites) and Ethereum's consensus-spec BLS tests (eth/), as lines printed by
 * tests/vector_lines.py on standard input. Every check goes through blsig.h.
 */
#define _POSIX_C_SOURCE 200809L
#include "blsig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0, passed = 0;

/* Decodes hex ("-" is empty) into a new buffer; *len gets its length. */
static uint8_t *unhex(const char *s, size_t *len) {
  size_t n, i;
  uint8_t *out;
  if (strcmp(s, "-") == 0) s = "";
  n = strlen(s) / 2;
  out = malloc(n ? n : 1);
  for (i = 0; i < n; i++) {
    unsigned v = 0;
    sscanf(s + 2 * i, "%2x", &v);
    out[i] = (uint8_t)v;
  }
  *len = n;
  return out;
}

/* Splits a ","-joined list ("-" is empty) into hex items; returns the count. */
static size_t split(char *s, char **items, size_t cap) {
  size_t n = 0;
  char *save = NULL, *tok;
  if (strcmp(s, "-") == 0) return 0;
  for (tok = strtok_r(s, ",", &save); tok && n < cap; tok = strtok_r(NULL, ",", &save)) items[n++] = tok;
  return n;
}

static void report(int ok, const char *handler, int line) {
  if (ok) {
    passed++;
  } else {
    failures++;
    fprintf(stderr, "vector line %d (%s) failed\n", line, handler);
  }
}

static int same_hex(const uint8_t *got, size_t got_len, const char *expected) {
  size_t n;
  uint8_t *want = unhex(expected, &n);
  int same = n == got_len && memcmp(want, got, n) == 0;
  free(want);
  return same;
}

/* Decoded min-pk public keys (Ethereum's); returns 0 if one does not decode. */
static int decode_keys(char *list, blsig_public_key **pks, size_t *count) {
  char *items[64];
  size_t i, n = split(list, items, 64);
  int ok = 1;
  *count = 0;
  for (i = 0; i < n; i++) {
    size_t len;
    uint8_t *b = unhex(items[i], &len);
    pks[i] = NULL;
    if (blsig_public_key_from_bytes(BLSIG_VARIANT_MIN_PK, b, len, &pks[i]) != BLSIG_OK) ok = 0;
    free(b);
    *count = i + 1;
  }
  return ok;
}

static void free_keys(blsig_public_key **pks, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) blsig_public_key_free(pks[i]);
}

static blsig_signature *decode_sig(const char *hex) {
  size_t len;
  uint8_t *b = unhex(hex, &len);
  blsig_signature *sig = NULL;
  if (blsig_signature_from_bytes(BLSIG_SUITE_MIN_PK_POP, b, len, &sig) != BLSIG_OK) sig = NULL;
  free(b);
  return sig;
}

static void run(char *line, int number) {
  char *save = NULL;
  char *f[6] = {0};
  int n = 0;
  char *tok;
  for (tok = strtok_r(line, " \n", &save); tok && n < 6; tok = strtok_r(NULL, " \n", &save)) f[n++] = tok;
  if (n == 0) return;

  if (strcmp(f[0], "h2c") == 0) {
    size_t ml, dl;
    uint8_t *m = unhex(f[2], &ml), *d = unhex(f[3], &dl);
    uint8_t out[192];
    size_t written = 0;
    blsig_result rc = blsig_hash_to_curve((blsig_h2c_suite)atoi(f[1]), m, ml, d, dl, out, sizeof out, &written);
    report(rc == BLSIG_OK && same_hex(out, written, f[4]), f[0], number);
    free(m);
    free(d);
  } else if (strcmp(f[0], "xmd") == 0) {
    size_t ml, dl, len = (size_t)atoi(f[3]);
    uint8_t *m = unhex(f[1], &ml), *d = unhex(f[2], &dl);
    uint8_t *out = malloc(len);
    blsig_result rc = blsig_expand_message_xmd(m, ml, d, dl, out, len);
    report(rc == BLSIG_OK && same_hex(out, len, f[4]), f[0], number);
    free(m);
    free(d);
    free(out);
  } else if (strcmp(f[0], "sign") == 0) {
    size_t kl, ml;
    uint8_t *k = unhex(f[1], &kl), *m = unhex(f[2], &ml);
    blsig_secret_key *sk = NULL;
    blsig_signature *sig = NULL;
    if (blsig_secret_key_from_bytes(BLSIG_VARIANT_MIN_PK, k, kl, &sk) != BLSIG_OK) {
      report(strcmp(f[3], "null") == 0, f[0], number);
    } else {
      uint8_t out[96];
      size_t written = 0;
      int ok = blsig_sign(BLSIG_SUITE_MIN_PK_POP, sk, m, ml, &sig) == BLSIG_OK &&
               blsig_signature_to_bytes(sig, out, sizeof out, &written) == BLSIG_OK;
      report(ok && same_hex(out, written, f[3]), f[0], number);
    }
    blsig_signature_free(sig);
    blsig_secret_key_free(sk);
    free(k);
    free(m);
  } else if (strcmp(f[0], "verify") == 0) {
    size_t kl, ml;
    uint8_t *k = unhex(f[1], &kl), *m = unhex(f[2], &ml);
    blsig_public_key *pk = NULL;
    blsig_signature *sig = decode_sig(f[3]);
    int valid = blsig_public_key_from_bytes(BLSIG_VARIANT_MIN_PK, k, kl, &pk) == BLSIG_OK && sig &&
                blsig_verify(pk, m, ml, sig) == BLSIG_OK;
    report(valid == (strcmp(f[4], "ok") == 0), f[0], number);
    blsig_public_key_free(pk);
    blsig_signature_free(sig);
    free(k);
    free(m);
  } else if (strcmp(f[0], "aggregate") == 0) {
    char *items[64];
    blsig_signature *sigs[64];
    size_t i, count = split(f[1], items, 64);
    int decoded = 1;
    blsig_signature *agg = NULL;
    for (i = 0; i < count; i++) {
      sigs[i] = decode_sig(items[i]);
      if (!sigs[i]) decoded = 0;
    }
    if (decoded && blsig_aggregate((const blsig_signature *const *)sigs, count, &agg) == BLSIG_OK) {
      uint8_t out[96];
      size_t written = 0;
      blsig_signature_to_bytes(agg, out, sizeof out, &written);
      report(same_hex(out, written, f[2]), f[0], number);
    } else {
      report(strcmp(f[2], "null") == 0, f[0], number);
    }
    blsig_signature_free(agg);
    for (i = 0; i < count; i++) blsig_signature_free(sigs[i]);
  } else if (strcmp(f[0], "fast_aggregate_verify") == 0 || strcmp(f[0], "eth_fast_aggregate_verify") == 0 ||
             strcmp(f[0], "aggregate_verify") == 0) {
    /* Ethereum's keys were proven at deposit time: assume_proven, as the Rust test does. */
    blsig_public_key *pks[64];
    blsig_proven_public_key *proven[64];
    size_t i, count = 0, ml = 0;
    int keys_ok = decode_keys(f[1], pks, &count);
    int is_av = strcmp(f[0], "aggregate_verify") == 0;
    blsig_signature *sig = decode_sig(is_av ? f[3] : f[3]);
    uint8_t *m = is_av ? NULL : unhex(f[2], &ml);
    int valid = 0;
    for (i = 0; i < count; i++) {
      proven[i] = NULL;
      if (pks[i]) blsig_proven_public_key_assume_proven(pks[i], &proven[i]);
    }
    if (keys_ok && sig) {
      const blsig_proven_public_key *const *ks = (const blsig_proven_public_key *const *)proven;
      if (is_av) {
        char *items[64];
        const uint8_t *msgs[64];
        size_t lens[64];
        size_t j, nm = split(f[2], items, 64);
        uint8_t *bufs[64];
        for (j = 0; j < nm; j++) {
          bufs[j] = unhex(items[j], &lens[j]);
          msgs[j] = bufs[j];
        }
        valid = nm == count && blsig_aggregate_verify_proven(sig, ks, msgs, lens, count) == BLSIG_OK;
        for (j = 0; j < nm; j++) free(bufs[j]);
      } else if (f[0][0] == 'e') {
        valid = blsig_eth_fast_aggregate_verify(ks, count, m, ml, sig) == BLSIG_OK;
      } else {
        valid = blsig_fast_aggregate_verify(sig, ks, count, m, ml) == BLSIG_OK;
      }
    }
    report(valid == (strcmp(f[4], "ok") == 0), f[0], number);
    for (i = 0; i < count; i++) blsig_proven_public_key_free(proven[i]);
    free_keys(pks, count);
    blsig_signature_free(sig);
    free(m);
  } else if (strcmp(f[0], "eth_aggregate_pubkeys") == 0) {
    blsig_public_key *pks[64];
    size_t count = 0;
    int keys_ok = decode_keys(f[1], pks, &count);
    uint8_t out[48];
    size_t written = 0;
    if (keys_ok && blsig_eth_aggregate_pubkeys((const blsig_public_key *const *)pks, count, out,
                                               sizeof out, &written) == BLSIG_OK) {
      report(same_hex(out, written, f[2]), f[0], number);
    } else {
      report(strcmp(f[2], "null") == 0, f[0], number);
    }
    free_keys(pks, count);
  } else {
    fprintf(stderr, "unknown handler %s\n", f[0]);
    failures++;
  }
}

int main(void) {
  char *line = NULL;
  size_t cap = 0;
  int number = 0;
  while (getline(&line, &cap, stdin) > 0) run(line, ++number);
  free(line);
  printf("%d passed, %d failed\n", passed, failures);
  return failures == 0 && passed > 0 ? 0 : 1;
}
