/*
 * C tests of the blsig C API: every function of the header and every result code it can
 * return, NULL pointers, short and oversized buffers, bad encodings, off-curve and
 * off-subgroup points, the identity key, empty sets, _free(NULL).
 * Built with -std=c99 -Wall -Wextra -Werror; run under valgrind and under ASan/UBSan.
 */
#include "blsig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
static int checks = 0;

#define EXPECT(cond)                                                          \
  do {                                                                        \
    checks++;                                                                 \
    if (!(cond)) {                                                            \
      failures++;                                                             \
      fprintf(stderr, "%s:%d: expected %s\n", __FILE__, __LINE__, #cond);     \
    }                                                                         \
  } while (0)

#define EXPECT_RC(call, code)                                                 \
  do {                                                                        \
    blsig_result rc_ = (call);                                                \
    checks++;                                                                 \
    if (rc_ != (code)) {                                                      \
      failures++;                                                             \
      fprintf(stderr, "%s:%d: %s returned %u (%s), expected %s\n", __FILE__,  \
              __LINE__, #call, (unsigned)rc_, blsig_result_str(rc_), #code);  \
    }                                                                         \
  } while (0)

static const uint8_t IKM[32] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};

static size_t pk_len(blsig_variant v) {
  return v == BLSIG_VARIANT_MIN_PK ? BLSIG_MIN_PK_PUBLIC_KEY_LEN : BLSIG_MIN_SIG_PUBLIC_KEY_LEN;
}

static size_t sig_len(blsig_variant v) {
  return v == BLSIG_VARIANT_MIN_PK ? BLSIG_MIN_PK_SIGNATURE_LEN : BLSIG_MIN_SIG_SIGNATURE_LEN;
}

static blsig_secret_key *keygen(blsig_variant v, uint8_t seed) {
  uint8_t ikm[32];
  blsig_secret_key *sk = NULL;
  memset(ikm, seed, sizeof ikm);
  EXPECT_RC(blsig_secret_key_gen(v, ikm, sizeof ikm, NULL, 0, &sk), BLSIG_OK);
  return sk;
}

static void test_version_and_codes(void) {
  char expected[32];
  unsigned code;
  snprintf(expected, sizeof expected, "%d.%d.%d", BLSIG_VERSION_MAJOR, BLSIG_VERSION_MINOR,
           BLSIG_VERSION_PATCH);
  EXPECT(strcmp(blsig_version(), expected) == 0);
  EXPECT(strcmp(blsig_result_str(BLSIG_OK), "ok") == 0);
  EXPECT(strcmp(blsig_result_str(BLSIG_VERIFICATION_FAILED), "verification failed") == 0);
  for (code = 0; code <= 38; code++) {
    EXPECT(strcmp(blsig_result_str(code), "unknown result code") != 0);
  }
  for (code = 100; code <= 106; code++) {
    EXPECT(strcmp(blsig_result_str(code), "unknown result code") != 0);
  }
  EXPECT(strcmp(blsig_result_str(39), "unknown result code") == 0);
  EXPECT(strcmp(blsig_result_str(BLSIG_WRONG_PASSWORD), "wrong password, or the keystore is damaged") == 0);
  EXPECT(strcmp(blsig_result_str(0xffffffffu), "unknown result code") == 0);
}

static void test_secret_keys(blsig_variant v) {
  blsig_secret_key *sk = NULL, *again = NULL;
  uint8_t bytes[33];
  uint8_t zero[32] = {0};
  uint8_t ff[32];
  memset(ff, 0xff, sizeof ff);

  EXPECT_RC(blsig_secret_key_gen(v, IKM, 31, NULL, 0, &sk), BLSIG_SHORT_IKM);
  EXPECT(sk == NULL); /* not written on error */
  EXPECT_RC(blsig_secret_key_gen(7, IKM, 32, NULL, 0, &sk), BLSIG_INVALID_SUITE);
  EXPECT_RC(blsig_secret_key_gen(v, NULL, 32, NULL, 0, &sk), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_secret_key_gen(v, IKM, 32, NULL, 1, &sk), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_secret_key_gen(v, IKM, 32, NULL, 0, NULL), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_secret_key_gen(v, IKM, 32, (const uint8_t *)"ctx", 3, &sk), BLSIG_OK);
  EXPECT(sk != NULL);

  /* Export into exactly 32 bytes; 31 and 33 are refused and leave the buffer alone. */
  memset(bytes, 0xaa, sizeof bytes);
  EXPECT_RC(blsig_secret_key_to_bytes(sk, bytes, 31), BLSIG_BUFFER_TOO_SMALL);
  EXPECT_RC(blsig_secret_key_to_bytes(sk, bytes, 33), BLSIG_BUFFER_TOO_SMALL);
  EXPECT(bytes[0] == 0xaa && bytes[32] == 0xaa);
  EXPECT_RC(blsig_secret_key_to_bytes(sk, NULL, 32), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_secret_key_to_bytes(NULL, bytes, 32), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_secret_key_to_bytes(sk, bytes, 32), BLSIG_OK);
  EXPECT(bytes[32] == 0xaa);

  EXPECT_RC(blsig_secret_key_from_bytes(v, bytes, 32, &again), BLSIG_OK);
  {
    uint8_t round[32];
    EXPECT_RC(blsig_secret_key_to_bytes(again, round, 32), BLSIG_OK);
    EXPECT(memcmp(round, bytes, 32) == 0);
  }
  blsig_secret_key_free(again);
  again = NULL;
  EXPECT_RC(blsig_secret_key_from_bytes(v, bytes, 31, &again), BLSIG_INVALID_LENGTH);
  EXPECT_RC(blsig_secret_key_from_bytes(v, zero, 32, &again), BLSIG_INVALID_SECRET_KEY);
  EXPECT_RC(blsig_secret_key_from_bytes(v, ff, 32, &again), BLSIG_INVALID_SECRET_KEY);
  EXPECT(again == NULL);

  /* Salted and draft-03 KeyGen: the draft-03 salt is the raw string. */
  {
    const uint8_t *salt = (const uint8_t *)"BLS-SIG-KEYGEN-SALT-";
    blsig_secret_key *a = NULL, *b = NULL;
    uint8_t ka[32], kb[32];
    EXPECT_RC(blsig_secret_key_gen_with_salt(v, IKM, 32, salt, 20, NULL, 0, &a), BLSIG_OK);
    EXPECT_RC(blsig_secret_key_gen_draft03(v, IKM, 32, NULL, 0, &b), BLSIG_OK);
    EXPECT_RC(blsig_secret_key_to_bytes(a, ka, 32), BLSIG_OK);
    EXPECT_RC(blsig_secret_key_to_bytes(b, kb, 32), BLSIG_OK);
    EXPECT(memcmp(ka, kb, 32) == 0);
    blsig_secret_key_free(a);
    blsig_secret_key_free(b);
    EXPECT_RC(blsig_secret_key_gen_with_salt(v, IKM, 31, salt, 20, NULL, 0, &a),
              BLSIG_SHORT_IKM);
    EXPECT_RC(blsig_secret_key_gen_draft03(v, IKM, 20, NULL, 0, &b), BLSIG_OK);
    blsig_secret_key_free(b);
  }
  blsig_secret_key_free(sk);
}

/* Scans x = 1, 2, … for a compressed encoding on the curve outside the subgroup and one
 * off the curve; both must be met and reported with their own codes. */
static void test_point_decoding(blsig_variant v) {
  uint8_t enc[96];
  size_t n = pk_len(v);
  int off_curve = 0, off_subgroup = 0;
  unsigned x;
  for (x = 1; x < 64 && !(off_curve && off_subgroup); x++) {
    blsig_public_key *pk = NULL;
    blsig_result rc;
    memset(enc, 0, sizeof enc);
    enc[0] = 0x80;
    enc[n - 1] = (uint8_t)x;
    rc = blsig_public_key_from_bytes(v, enc, n, &pk);
    EXPECT(rc != BLSIG_OK);
    EXPECT(pk == NULL);
    if (rc == BLSIG_NOT_ON_CURVE) off_curve = 1;
    if (rc == BLSIG_NOT_IN_SUBGROUP) off_subgroup = 1;
  }
  EXPECT(off_curve && off_subgroup);
  {
    blsig_public_key *pk = NULL;
    /* The identity: valid encoding, rejected by KeyValidate. */
    memset(enc, 0, sizeof enc);
    enc[0] = 0xc0;
    EXPECT_RC(blsig_public_key_from_bytes(v, enc, n, &pk), BLSIG_IDENTITY_PUBLIC_KEY);
    enc[0] = 0xe0; /* sort flag on infinity */
    EXPECT_RC(blsig_public_key_from_bytes(v, enc, n, &pk), BLSIG_INVALID_ENCODING);
    enc[0] = 0x00; /* uncompressed flag given to the compressed decoder */
    EXPECT_RC(blsig_public_key_from_bytes(v, enc, n, &pk), BLSIG_INVALID_ENCODING);
    memset(enc, 0xff, sizeof enc);
    enc[0] = 0x9f; /* x ≥ p */
    EXPECT_RC(blsig_public_key_from_bytes(v, enc, n, &pk), BLSIG_FIELD_ELEMENT_OUT_OF_RANGE);
    EXPECT_RC(blsig_public_key_from_bytes(v, enc, n - 1, &pk), BLSIG_INVALID_LENGTH);
    EXPECT_RC(blsig_public_key_from_bytes(v, NULL, n, &pk), BLSIG_NULL_POINTER);
    EXPECT_RC(blsig_public_key_from_bytes(v, NULL, 0, &pk), BLSIG_INVALID_LENGTH);
    EXPECT_RC(blsig_public_key_from_uncompressed(v, enc, n, &pk), BLSIG_INVALID_LENGTH);
    EXPECT(pk == NULL);
  }
}

static void test_sign_verify(blsig_suite suite, blsig_variant v) {
  blsig_secret_key *sk = keygen(v, 9);
  blsig_public_key *pk = NULL, *pk2 = NULL;
  blsig_signature *sig = NULL, *sig2 = NULL;
  uint8_t buf[200];
  size_t written = 0;
  const uint8_t *msg = (const uint8_t *)"hello";

  EXPECT_RC(blsig_secret_key_public_key(sk, &pk), BLSIG_OK);
  EXPECT_RC(blsig_public_key_to_bytes(pk, buf, pk_len(v) - 1, &written), BLSIG_BUFFER_TOO_SMALL);
  EXPECT(written == 0);
  EXPECT_RC(blsig_public_key_to_bytes(pk, buf, sizeof buf, &written), BLSIG_OK);
  EXPECT(written == pk_len(v));
  EXPECT_RC(blsig_public_key_to_bytes(pk, buf, sizeof buf, NULL), BLSIG_OK);
  EXPECT_RC(blsig_public_key_from_bytes(v, buf, written, &pk2), BLSIG_OK);

  EXPECT_RC(blsig_sign(suite, sk, msg, 5, &sig), BLSIG_OK);
  EXPECT(blsig_signature_suite(sig) == suite);
  EXPECT(blsig_signature_suite(NULL) == 0xffffffffu);
  EXPECT_RC(blsig_verify(pk2, msg, 5, sig), BLSIG_OK);
  EXPECT_RC(blsig_verify(pk2, msg, 4, sig), BLSIG_VERIFICATION_FAILED);
  EXPECT_RC(blsig_verify(pk2, NULL, 5, sig), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_verify(NULL, msg, 5, sig), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_verify(pk2, msg, 5, NULL), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_sign(suite, sk, NULL, 0, &sig2), BLSIG_OK); /* empty message */
  EXPECT_RC(blsig_verify(pk2, NULL, 0, sig2), BLSIG_OK);
  EXPECT_RC(blsig_verify(pk2, msg, 5, sig2), BLSIG_VERIFICATION_FAILED);
  blsig_signature_free(sig2);
  sig2 = NULL;

  /* Encode, decode, and write the same output buffer twice. */
  EXPECT_RC(blsig_signature_to_bytes(sig, buf, sig_len(v) - 1, &written), BLSIG_BUFFER_TOO_SMALL);
  EXPECT_RC(blsig_signature_to_bytes(sig, buf, sizeof buf, &written), BLSIG_OK);
  EXPECT(written == sig_len(v));
  EXPECT_RC(blsig_signature_to_bytes(sig, buf, sizeof buf, &written), BLSIG_OK);
  EXPECT_RC(blsig_signature_from_bytes(suite, buf, written, &sig2), BLSIG_OK);
  EXPECT_RC(blsig_verify(pk, msg, 5, sig2), BLSIG_OK);
  blsig_signature_free(sig2);
  sig2 = NULL;
  EXPECT_RC(blsig_signature_from_bytes(suite, buf, written + 1, &sig2), BLSIG_INVALID_LENGTH);
  EXPECT_RC(blsig_signature_from_bytes(99, buf, written, &sig2), BLSIG_INVALID_SUITE);
  buf[0] ^= 0x80;
  EXPECT_RC(blsig_signature_from_bytes(suite, buf, written, &sig2), BLSIG_INVALID_ENCODING);
  EXPECT(sig2 == NULL);

  /* A key of the other variant. */
  {
    blsig_variant other = v == BLSIG_VARIANT_MIN_PK ? BLSIG_VARIANT_MIN_SIG : BLSIG_VARIANT_MIN_PK;
    blsig_secret_key *osk = keygen(other, 9);
    blsig_public_key *opk = NULL;
    EXPECT_RC(blsig_secret_key_public_key(osk, &opk), BLSIG_OK);
    EXPECT_RC(blsig_verify(opk, msg, 5, sig), BLSIG_SUITE_MISMATCH);
    EXPECT_RC(blsig_sign(suite, osk, msg, 5, &sig2), BLSIG_SUITE_MISMATCH);
    blsig_public_key_free(opk);
    blsig_secret_key_free(osk);
  }
  blsig_signature_free(sig);
  blsig_public_key_free(pk);
  blsig_public_key_free(pk2);
  blsig_secret_key_free(sk);
}

/* Uncompressed encodings (ZCash format: x ‖ y, compression bit clear) of keys and
 * signatures, both directions; the decoders are strict about the form. */
static void test_uncompressed(blsig_suite suite, blsig_variant v) {
  blsig_secret_key *sk = keygen(v, 11);
  blsig_public_key *pk = NULL, *pk2 = NULL;
  blsig_signature *sig = NULL, *sig2 = NULL;
  uint8_t comp[96], unc[192], again[96], padded[192];
  size_t n, written = 0;
  const uint8_t *msg = (const uint8_t *)"uncompressed";

  EXPECT_RC(blsig_secret_key_public_key(sk, &pk), BLSIG_OK);
  EXPECT_RC(blsig_sign(suite, sk, msg, 12, &sig), BLSIG_OK);

  /* Public key. */
  n = pk_len(v);
  EXPECT_RC(blsig_public_key_to_bytes(pk, comp, sizeof comp, NULL), BLSIG_OK);
  EXPECT_RC(blsig_public_key_to_uncompressed(pk, unc, 2 * n - 1, &written), BLSIG_BUFFER_TOO_SMALL);
  EXPECT_RC(blsig_public_key_to_uncompressed(pk, NULL, 2 * n, &written), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_public_key_to_uncompressed(NULL, unc, 2 * n, &written), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_public_key_to_uncompressed(pk, unc, sizeof unc, &written), BLSIG_OK);
  EXPECT(written == 2 * n);
  EXPECT((unc[0] & 0xe0) == 0);                      /* no compression, infinity or sort flag */
  EXPECT((comp[0] & 0x1f) == unc[0]);                /* the same x */
  EXPECT(memcmp(comp + 1, unc + 1, n - 1) == 0);
  EXPECT_RC(blsig_public_key_from_uncompressed(v, unc, 2 * n, &pk2), BLSIG_OK);
  EXPECT_RC(blsig_public_key_to_bytes(pk2, again, sizeof again, NULL), BLSIG_OK);
  EXPECT(memcmp(again, comp, n) == 0);
  EXPECT_RC(blsig_verify(pk2, msg, 12, sig), BLSIG_OK);
  blsig_public_key_free(pk2);
  pk2 = NULL;
  memset(padded, 0, sizeof padded); /* a compressed key in an uncompressed-size buffer */
  memcpy(padded, comp, n);
  EXPECT_RC(blsig_public_key_from_uncompressed(v, padded, 2 * n, &pk2), BLSIG_INVALID_ENCODING);
  EXPECT_RC(blsig_public_key_from_uncompressed(v, comp, n, &pk2), BLSIG_INVALID_LENGTH);
  unc[2 * n - 1] ^= 1; /* y no longer matches x */
  EXPECT_RC(blsig_public_key_from_uncompressed(v, unc, 2 * n, &pk2), BLSIG_NOT_ON_CURVE);
  EXPECT(pk2 == NULL);

  /* Signature. */
  n = sig_len(v);
  EXPECT_RC(blsig_signature_to_bytes(sig, comp, sizeof comp, NULL), BLSIG_OK);
  EXPECT_RC(blsig_signature_to_uncompressed(sig, unc, 2 * n - 1, &written), BLSIG_BUFFER_TOO_SMALL);
  EXPECT_RC(blsig_signature_to_uncompressed(NULL, unc, 2 * n, &written), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_signature_to_uncompressed(sig, unc, sizeof unc, &written), BLSIG_OK);
  EXPECT(written == 2 * n);
  EXPECT((unc[0] & 0xe0) == 0);
  EXPECT((comp[0] & 0x1f) == unc[0]);
  EXPECT(memcmp(comp + 1, unc + 1, n - 1) == 0);
  EXPECT_RC(blsig_signature_to_uncompressed(sig, unc, sizeof unc, NULL), BLSIG_OK);
  EXPECT_RC(blsig_signature_from_uncompressed(suite, unc, 2 * n, &sig2), BLSIG_OK);
  EXPECT(blsig_signature_suite(sig2) == suite);
  EXPECT_RC(blsig_verify(pk, msg, 12, sig2), BLSIG_OK);
  EXPECT_RC(blsig_signature_to_bytes(sig2, again, sizeof again, NULL), BLSIG_OK);
  EXPECT(memcmp(again, comp, n) == 0);
  blsig_signature_free(sig2);
  sig2 = NULL;
  EXPECT_RC(blsig_signature_from_uncompressed(99, unc, 2 * n, &sig2), BLSIG_INVALID_SUITE);
  EXPECT_RC(blsig_signature_from_uncompressed(suite, NULL, 2 * n, &sig2), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_signature_from_uncompressed(suite, unc, 2 * n, NULL), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_signature_from_uncompressed(suite, comp, n, &sig2), BLSIG_INVALID_LENGTH);
  memset(padded, 0, sizeof padded);
  memcpy(padded, comp, n);
  EXPECT_RC(blsig_signature_from_uncompressed(suite, padded, 2 * n, &sig2), BLSIG_INVALID_ENCODING);
  unc[2 * n - 1] ^= 1;
  EXPECT_RC(blsig_signature_from_uncompressed(suite, unc, 2 * n, &sig2), BLSIG_NOT_ON_CURVE);
  /* The uncompressed identity is a valid signature encoding (it never verifies). */
  memset(padded, 0, sizeof padded);
  padded[0] = 0x40;
  EXPECT_RC(blsig_signature_from_uncompressed(suite, padded, 2 * n, &sig2), BLSIG_OK);
  EXPECT_RC(blsig_verify(pk, msg, 12, sig2), BLSIG_VERIFICATION_FAILED);
  blsig_signature_free(sig2);

  blsig_signature_free(sig);
  blsig_public_key_free(pk);
  blsig_secret_key_free(sk);
}

#define N 4

static void test_aggregation(blsig_variant v, blsig_suite basic, blsig_suite pop) {
  blsig_secret_key *sks[N];
  blsig_public_key *pks[N];
  blsig_proof *proofs[N];
  blsig_proven_public_key *proven[N];
  blsig_signature *sigs[N], *pop_sigs[N];
  blsig_signature *agg = NULL, *agg2 = NULL, *pop_agg = NULL;
  const uint8_t *msgs[N];
  size_t lens[N];
  uint8_t texts[N][8];
  uint8_t encoded[N * 96];
  size_t i, written = 0;

  for (i = 0; i < N; i++) {
    sks[i] = keygen(v, (uint8_t)(40 + i));
    pks[i] = NULL;
    EXPECT_RC(blsig_secret_key_public_key(sks[i], &pks[i]), BLSIG_OK);
    memset(texts[i], (int)('a' + i), sizeof texts[i]);
    msgs[i] = texts[i];
    lens[i] = sizeof texts[i];
    sigs[i] = pop_sigs[i] = NULL;
    EXPECT_RC(blsig_sign(basic, sks[i], msgs[i], lens[i], &sigs[i]), BLSIG_OK);
    EXPECT_RC(blsig_sign(pop, sks[i], texts[0], lens[0], &pop_sigs[i]), BLSIG_OK);
    proofs[i] = NULL;
    proven[i] = NULL;
    EXPECT_RC(blsig_pop_prove(sks[i], &proofs[i]), BLSIG_OK);
    EXPECT_RC(blsig_pop_verify(pks[i], proofs[i], &proven[i]), BLSIG_OK);
    EXPECT_RC(blsig_signature_to_bytes(sigs[i], encoded + i * sig_len(v), sig_len(v), &written),
              BLSIG_OK);
  }

  /* Aggregate, and Aggregate from encodings: the same point. */
  EXPECT_RC(blsig_aggregate((const blsig_signature *const *)sigs, N, &agg), BLSIG_OK);
  EXPECT_RC(blsig_aggregate_from_bytes(basic, encoded, N * sig_len(v), N, &agg2), BLSIG_OK);
  {
    uint8_t a[96], b[96];
    EXPECT_RC(blsig_signature_to_bytes(agg, a, sizeof a, NULL), BLSIG_OK);
    EXPECT_RC(blsig_signature_to_bytes(agg2, b, sizeof b, NULL), BLSIG_OK);
    EXPECT(memcmp(a, b, sig_len(v)) == 0);
  }
  EXPECT_RC(blsig_aggregate_from_bytes(basic, encoded, N * sig_len(v) - 1, N, &pop_agg),
            BLSIG_INVALID_LENGTH);
  EXPECT_RC(blsig_aggregate_from_bytes(basic, NULL, 0, 0, &pop_agg), BLSIG_EMPTY_INPUT);
  EXPECT_RC(blsig_aggregate(NULL, 0, &pop_agg), BLSIG_EMPTY_INPUT);
  EXPECT_RC(blsig_aggregate(NULL, 2, &pop_agg), BLSIG_NULL_POINTER);
  {
    const blsig_signature *mixed[2];
    mixed[0] = sigs[0];
    mixed[1] = pop_sigs[0];
    EXPECT_RC(blsig_aggregate(mixed, 2, &pop_agg), BLSIG_SUITE_MISMATCH);
    mixed[1] = NULL;
    EXPECT_RC(blsig_aggregate(mixed, 2, &pop_agg), BLSIG_NULL_POINTER);
  }
  EXPECT(pop_agg == NULL);

  /* AggregateVerify, Basic: distinct messages pass, a repeated one is refused. */
  EXPECT_RC(blsig_aggregate_verify(agg, (const blsig_public_key *const *)pks, msgs, lens, N),
            BLSIG_OK);
  EXPECT_RC(blsig_aggregate_verify(agg, (const blsig_public_key *const *)pks, msgs, lens, N - 1),
            BLSIG_VERIFICATION_FAILED);
  EXPECT_RC(blsig_aggregate_verify(agg, (const blsig_public_key *const *)pks, msgs, lens, 0),
            BLSIG_EMPTY_INPUT);
  {
    const uint8_t *same[N];
    for (i = 0; i < N; i++) same[i] = msgs[0];
    EXPECT_RC(blsig_aggregate_verify(agg, (const blsig_public_key *const *)pks, same, lens, N),
              BLSIG_DUPLICATE_MESSAGE);
  }
  EXPECT_RC(blsig_aggregate_verify_proven(agg, (const blsig_proven_public_key *const *)proven,
                                          msgs, lens, N),
            BLSIG_OK);
  EXPECT_RC(blsig_aggregate_verify(agg, NULL, msgs, lens, N), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_aggregate_verify(agg, (const blsig_public_key *const *)pks, msgs, NULL, N),
            BLSIG_NULL_POINTER);

  /* Pop: one message, proven keys; plain keys are refused. */
  EXPECT_RC(blsig_aggregate((const blsig_signature *const *)pop_sigs, N, &pop_agg), BLSIG_OK);
  EXPECT_RC(blsig_fast_aggregate_verify(pop_agg, (const blsig_proven_public_key *const *)proven,
                                        N, texts[0], lens[0]),
            BLSIG_OK);
  EXPECT_RC(blsig_fast_aggregate_verify(pop_agg, (const blsig_proven_public_key *const *)proven,
                                        N - 1, texts[0], lens[0]),
            BLSIG_VERIFICATION_FAILED);
  EXPECT_RC(blsig_fast_aggregate_verify(pop_agg, NULL, 0, texts[0], lens[0]), BLSIG_EMPTY_INPUT);
  {
    blsig_aggregate_public_key *kept = NULL;
    EXPECT_RC(blsig_proven_public_key_aggregate(NULL, 0, &kept), BLSIG_EMPTY_INPUT);
    EXPECT_RC(blsig_proven_public_key_aggregate((const blsig_proven_public_key *const *)proven, N,
                                                &kept),
              BLSIG_OK);
    EXPECT_RC(blsig_aggregate_public_key_fast_aggregate_verify(kept, texts[0], lens[0], pop_agg),
              BLSIG_OK);
    EXPECT_RC(blsig_aggregate_public_key_fast_aggregate_verify(kept, texts[1], lens[1], pop_agg),
              BLSIG_VERIFICATION_FAILED);
    EXPECT_RC(blsig_aggregate_public_key_fast_aggregate_verify(kept, texts[0], lens[0], agg),
              BLSIG_SUITE_MISMATCH);
    EXPECT_RC(blsig_aggregate_public_key_fast_aggregate_verify(NULL, texts[0], lens[0], pop_agg),
              BLSIG_NULL_POINTER);
    blsig_aggregate_public_key_free(kept);
  }
  EXPECT_RC(blsig_fast_aggregate_verify(agg, (const blsig_proven_public_key *const *)proven, N,
                                        texts[0], lens[0]),
            BLSIG_SUITE_MISMATCH);
  {
    const uint8_t *same[N];
    for (i = 0; i < N; i++) same[i] = texts[0];
    EXPECT_RC(blsig_aggregate_verify(pop_agg, (const blsig_public_key *const *)pks, same, lens, N),
              BLSIG_SUITE_MISMATCH);
    EXPECT_RC(blsig_aggregate_verify_proven(
                  pop_agg, (const blsig_proven_public_key *const *)proven, same, lens, N),
              BLSIG_OK);
  }

  /* Proofs: encode, decode, a proof of another key fails. */
  {
    uint8_t buf[96];
    blsig_proof *decoded = NULL;
    blsig_proven_public_key *bad = NULL, *assumed = NULL;
    EXPECT_RC(blsig_proof_to_bytes(proofs[0], buf, sig_len(v) - 1, &written),
              BLSIG_BUFFER_TOO_SMALL);
    EXPECT_RC(blsig_proof_to_bytes(proofs[0], buf, sizeof buf, &written), BLSIG_OK);
    EXPECT_RC(blsig_proof_from_bytes(v, buf, written, &decoded), BLSIG_OK);
    EXPECT_RC(blsig_pop_verify(pks[1], decoded, &bad), BLSIG_VERIFICATION_FAILED);
    EXPECT(bad == NULL);
    EXPECT_RC(blsig_pop_verify(pks[0], decoded, NULL), BLSIG_NULL_POINTER);
    EXPECT_RC(blsig_proof_from_bytes(v, buf, written - 1, &decoded),
              BLSIG_INVALID_LENGTH);
    EXPECT_RC(blsig_proven_public_key_assume_proven(pks[0], &assumed), BLSIG_OK);
    blsig_proven_public_key_free(assumed);
    blsig_proof_free(decoded);
  }

  blsig_signature_free(agg);
  blsig_signature_free(agg2);
  blsig_signature_free(pop_agg);
  for (i = 0; i < N; i++) {
    blsig_signature_free(sigs[i]);
    blsig_signature_free(pop_sigs[i]);
    blsig_proof_free(proofs[i]);
    blsig_proven_public_key_free(proven[i]);
    blsig_public_key_free(pks[i]);
    blsig_secret_key_free(sks[i]);
  }
}

static void test_batch(blsig_suite suite, blsig_variant v) {
  uint8_t seed[32];
  blsig_batch *batch = NULL;
  blsig_secret_key *sks[8];
  blsig_public_key *pks[8];
  blsig_signature *sigs[8];
  uint8_t msgs[8][4];
  size_t i, index = 99, invalid[8], count = 99;
  memset(seed, 7, sizeof seed);

  EXPECT_RC(blsig_batch_new(42, &batch), BLSIG_INVALID_SUITE);
  EXPECT_RC(blsig_batch_new(suite, NULL), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_batch_new(suite, &batch), BLSIG_OK);
  EXPECT(blsig_batch_len(batch) == 0);
  EXPECT(blsig_batch_len(NULL) == 0);
  EXPECT_RC(blsig_batch_verify(batch, seed, 32), BLSIG_EMPTY_INPUT);
  EXPECT_RC(blsig_batch_verify_deterministic(batch), BLSIG_EMPTY_INPUT);

  for (i = 0; i < 8; i++) {
    sks[i] = keygen(v, (uint8_t)(60 + i));
    pks[i] = NULL;
    sigs[i] = NULL;
    EXPECT_RC(blsig_secret_key_public_key(sks[i], &pks[i]), BLSIG_OK);
    memset(msgs[i], (int)(i % 3), sizeof msgs[i]); /* three distinct messages */
    /* item 5 signs something else */
    EXPECT_RC(blsig_sign(suite, sks[i], i == 5 ? (const uint8_t *)"evil" : msgs[i], 4, &sigs[i]),
              BLSIG_OK);
  }
  for (i = 0; i < 5; i++) {
    EXPECT_RC(blsig_batch_queue(batch, pks[i], msgs[i], 4, sigs[i], &index), BLSIG_OK);
    EXPECT(index == i);
  }
  EXPECT_RC(blsig_batch_verify(batch, seed, 32), BLSIG_OK);
  EXPECT_RC(blsig_batch_verify(batch, seed, 31), BLSIG_INVALID_LENGTH);
  EXPECT_RC(blsig_batch_verify(batch, NULL, 32), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_batch_verify_deterministic(batch), BLSIG_OK);
  EXPECT_RC(blsig_batch_find_invalid(batch, seed, 32, invalid, 8, &count), BLSIG_OK);
  EXPECT(count == 0);
  /* A size probe of a valid batch: nothing to write, so OK. */
  count = 99;
  EXPECT_RC(blsig_batch_find_invalid(batch, seed, 32, NULL, 0, &count), BLSIG_OK);
  EXPECT(count == 0);
  /* Reuse after verification: queue the rest (with the bad item) and check again. */
  for (i = 5; i < 8; i++) {
    EXPECT_RC(blsig_batch_queue(batch, pks[i], msgs[i], 4, sigs[i], NULL), BLSIG_OK);
  }
  EXPECT(blsig_batch_len(batch) == 8);
  EXPECT_RC(blsig_batch_verify(batch, seed, 32), BLSIG_VERIFICATION_FAILED);
  EXPECT_RC(blsig_batch_verify_deterministic(batch), BLSIG_VERIFICATION_FAILED);
  /* Too small: the number needed comes back, nothing is written. */
  count = 99;
  invalid[0] = 77;
  EXPECT_RC(blsig_batch_find_invalid(batch, seed, 32, invalid, 0, &count), BLSIG_BUFFER_TOO_SMALL);
  EXPECT(count == 1 && invalid[0] == 77);
  /* Probe with (NULL, 0), allocate, call again. */
  count = 99;
  EXPECT_RC(blsig_batch_find_invalid(batch, seed, 32, NULL, 0, &count), BLSIG_BUFFER_TOO_SMALL);
  EXPECT(count == 1);
  {
    size_t *probed = malloc(count * sizeof *probed);
    size_t got = 0;
    EXPECT(probed != NULL);
    EXPECT_RC(blsig_batch_find_invalid(batch, seed, 32, probed, count, &got), BLSIG_OK);
    EXPECT(got == 1 && probed[0] == 5);
    free(probed);
  }
  EXPECT_RC(blsig_batch_find_invalid(batch, seed, 32, NULL, 1, &count), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_batch_find_invalid(batch, seed, 32, invalid, 8, NULL), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_batch_find_invalid(batch, seed, 32, invalid, 8, &count), BLSIG_OK);
  EXPECT(count == 1 && invalid[0] == 5);
  /* A key of the other variant, NULLs. */
  {
    blsig_variant other = v == BLSIG_VARIANT_MIN_PK ? BLSIG_VARIANT_MIN_SIG : BLSIG_VARIANT_MIN_PK;
    blsig_secret_key *osk = keygen(other, 1);
    blsig_public_key *opk = NULL;
    EXPECT_RC(blsig_secret_key_public_key(osk, &opk), BLSIG_OK);
    EXPECT_RC(blsig_batch_queue(batch, opk, msgs[0], 4, sigs[0], NULL), BLSIG_SUITE_MISMATCH);
    blsig_public_key_free(opk);
    blsig_secret_key_free(osk);
  }
  EXPECT_RC(blsig_batch_queue(NULL, pks[0], msgs[0], 4, sigs[0], NULL), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_batch_queue(batch, pks[0], NULL, 4, sigs[0], NULL), BLSIG_NULL_POINTER);
  EXPECT(blsig_batch_len(batch) == 8);

  /* Ethereum's helpers (min-pk Pop only). */
  if (suite == BLSIG_SUITE_ETHEREUM) {
    const uint8_t *mptr[8];
    size_t lens[8];
    uint8_t sum[48];
    size_t written = 0;
    for (i = 0; i < 8; i++) {
      mptr[i] = msgs[i];
      lens[i] = 4;
    }
    EXPECT_RC(blsig_eth_batch_verify((const blsig_public_key *const *)pks, mptr, lens,
                                     (const blsig_signature *const *)sigs, 5, seed, 32),
              BLSIG_OK);
    EXPECT_RC(blsig_eth_batch_verify((const blsig_public_key *const *)pks, mptr, lens,
                                     (const blsig_signature *const *)sigs, 8, seed, 32),
              BLSIG_VERIFICATION_FAILED);
    EXPECT_RC(blsig_eth_batch_verify((const blsig_public_key *const *)pks, mptr, lens,
                                     (const blsig_signature *const *)sigs, 0, seed, 32),
              BLSIG_EMPTY_INPUT);
    EXPECT_RC(blsig_eth_aggregate_pubkeys((const blsig_public_key *const *)pks, 8, sum, 47, &written),
              BLSIG_BUFFER_TOO_SMALL);
    EXPECT_RC(blsig_eth_aggregate_pubkeys((const blsig_public_key *const *)pks, 8, sum, 48, &written),
              BLSIG_OK);
    EXPECT(written == 48);
    EXPECT_RC(blsig_eth_aggregate_pubkeys(NULL, 0, sum, 48, &written), BLSIG_EMPTY_INPUT);
    EXPECT_RC(blsig_eth_fast_aggregate_verify(NULL, 0, msgs[0], 4, sigs[0]), BLSIG_EMPTY_INPUT);
  } else {
    uint8_t sum[96];
    EXPECT_RC(blsig_eth_fast_aggregate_verify(NULL, 0, msgs[0], 4, sigs[0]), BLSIG_SUITE_MISMATCH);
    if (v == BLSIG_VARIANT_MIN_SIG) {
      EXPECT_RC(blsig_eth_aggregate_pubkeys((const blsig_public_key *const *)pks, 2, sum, 96, NULL),
                BLSIG_SUITE_MISMATCH);
    }
  }

  blsig_batch_free(batch);
  for (i = 0; i < 8; i++) {
    blsig_signature_free(sigs[i]);
    blsig_public_key_free(pks[i]);
    blsig_secret_key_free(sks[i]);
  }
}

static void test_hashing(void) {
  uint8_t out[8161];
  size_t written = 0;
  const uint8_t *dst = (const uint8_t *)"QUUX-V01-CS02-with-expander-SHA256-128";
  EXPECT_RC(blsig_expand_message_xmd(NULL, 0, dst, 38, out, 32), BLSIG_OK);
  EXPECT_RC(blsig_expand_message_xmd(NULL, 0, dst, 0, out, 32), BLSIG_INVALID_DST);
  EXPECT_RC(blsig_expand_message_xmd(NULL, 0, NULL, 0, out, 32), BLSIG_INVALID_DST);
  EXPECT_RC(blsig_expand_message_xmd(NULL, 0, dst, 38, out, 0), BLSIG_INVALID_OUTPUT_LENGTH);
  EXPECT_RC(blsig_expand_message_xmd(NULL, 0, dst, 38, out, 8161), BLSIG_INVALID_OUTPUT_LENGTH);
  EXPECT_RC(blsig_expand_message_xmd(NULL, 0, dst, 38, out, 8160), BLSIG_OK);
  EXPECT_RC(blsig_expand_message_xmd(NULL, 0, dst, 38, NULL, 32), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_hash_to_curve(BLSIG_H2C_G1_RO, NULL, 0, dst, 38, out, 96, &written), BLSIG_OK);
  EXPECT(written == 96);
  EXPECT_RC(blsig_hash_to_curve(BLSIG_H2C_G2_NU, NULL, 0, dst, 38, out, 192, &written), BLSIG_OK);
  EXPECT(written == 192);
  EXPECT_RC(blsig_hash_to_curve(BLSIG_H2C_G2_RO, NULL, 0, dst, 38, out, 191, &written),
            BLSIG_BUFFER_TOO_SMALL);
  EXPECT_RC(blsig_hash_to_curve(4, NULL, 0, dst, 38, out, 192, &written), BLSIG_INVALID_SUITE);
  EXPECT_RC(blsig_hash_to_curve(BLSIG_H2C_G1_NU, NULL, 0, dst, 0, out, 96, &written),
            BLSIG_INVALID_DST);
}

#define M 5

static void test_multisig(blsig_variant v) {
  blsig_secret_key *sks[M];
  blsig_public_key *pks[M];
  blsig_proven_public_key *proven[M];
  size_t index[M]; /* member index of secret key i */
  blsig_asm_group *group = NULL, *decoded = NULL;
  blsig_contribution *inbox[M][M];
  size_t filled[M] = {0};
  blsig_membership_key *mks[M];
  uint8_t *enc;
  uint8_t id[100];
  size_t i, j, n_id = 0, len = 0, count = 0;
  const uint8_t *msg = (const uint8_t *)"pay 100";

  for (i = 0; i < M; i++) {
    blsig_proof *proof = NULL;
    sks[i] = keygen(v, (uint8_t)(80 + i));
    pks[i] = NULL;
    proven[i] = NULL;
    EXPECT_RC(blsig_secret_key_public_key(sks[i], &pks[i]), BLSIG_OK);
    EXPECT_RC(blsig_pop_prove(sks[i], &proof), BLSIG_OK);
    EXPECT_RC(blsig_pop_verify(pks[i], proof, &proven[i]), BLSIG_OK);
    blsig_proof_free(proof);
  }
  EXPECT_RC(blsig_asm_group_new((const blsig_proven_public_key *const *)proven, M, 0, &group),
            BLSIG_INVALID_THRESHOLD);
  EXPECT_RC(blsig_asm_group_new((const blsig_proven_public_key *const *)proven, M, M + 1, &group),
            BLSIG_INVALID_THRESHOLD);
  EXPECT_RC(blsig_asm_group_new(NULL, 0, 1, &group), BLSIG_EMPTY_INPUT);
  {
    const blsig_proven_public_key *dup[2];
    dup[0] = proven[0];
    dup[1] = proven[0];
    EXPECT_RC(blsig_asm_group_new(dup, 2, 1, &group), BLSIG_DUPLICATE_KEY);
  }
  EXPECT_RC(blsig_asm_group_new((const blsig_proven_public_key *const *)proven, M, 3, &group),
            BLSIG_OK);
  for (i = 0; i < M; i++) EXPECT_RC(blsig_asm_group_index_of(group, pks[i], &index[i]), BLSIG_OK);

  /* The identity pins the group: decoding needs it, a re-encoded threshold is refused. */
  EXPECT_RC(blsig_asm_group_id(group, id, sizeof id, &n_id), BLSIG_OK);
  EXPECT(n_id == 4 + pk_len(v));
  len = blsig_asm_group_encoded_len(group);
  EXPECT(len == 4 + 4 + M * pk_len(v));
  enc = malloc(len);
  EXPECT_RC(blsig_asm_group_to_bytes(group, enc, len - 1, NULL), BLSIG_BUFFER_TOO_SMALL);
  EXPECT_RC(blsig_asm_group_to_bytes(group, enc, len, NULL), BLSIG_OK);
  EXPECT_RC(blsig_asm_group_from_bytes(v, enc, len, id, n_id, &decoded), BLSIG_OK);
  blsig_asm_group_free(decoded);
  decoded = NULL;
  enc[3] = 1; /* m = 1 */
  EXPECT_RC(blsig_asm_group_from_bytes(v, enc, len, id, n_id, &decoded), BLSIG_GROUP_ID_MISMATCH);
  enc[3] = 3;
  {
    /* Swap the first two keys: out of canonical order. */
    size_t k = pk_len(v);
    uint8_t *tmp = malloc(k);
    memcpy(tmp, enc + 8, k);
    memcpy(enc + 8, enc + 8 + k, k);
    memcpy(enc + 8 + k, tmp, k);
    EXPECT_RC(blsig_asm_group_from_bytes(v, enc, len, id, n_id, &decoded), BLSIG_NON_CANONICAL_ORDER);
    free(tmp);
  }
  EXPECT(decoded == NULL);
  free(enc);

  /* Setup: every member's contributions go to their recipients. */
  for (i = 0; i < M; i++) {
    blsig_contribution *out[M];
    size_t k;
    count = 0;
    EXPECT_RC(blsig_asm_contributions(group, sks[i], out, M - 1, &count), BLSIG_BUFFER_TOO_SMALL);
    EXPECT(count == M);
    count = 0;
    EXPECT_RC(blsig_asm_contributions(group, sks[i], NULL, 0, &count), BLSIG_BUFFER_TOO_SMALL);
    EXPECT(count == M);
    EXPECT_RC(blsig_asm_contributions(group, sks[i], NULL, M, &count), BLSIG_NULL_POINTER);
    EXPECT_RC(blsig_asm_contributions(group, sks[i], out, M, &count), BLSIG_OK);
    EXPECT(count == M);
    for (k = 0; k < M; k++) {
      size_t to = blsig_contribution_recipient(out[k]);
      uint8_t wire[8 + 8 + 96];
      size_t wl = 0;
      blsig_contribution *received = NULL;
      EXPECT_RC(blsig_asm_verify_contribution(group, out[k]), BLSIG_OK);
      /* over the wire: bytes out, bytes in */
      EXPECT_RC(blsig_contribution_to_bytes(out[k], wire, sizeof wire, &wl), BLSIG_OK);
      EXPECT_RC(blsig_contribution_from_bytes(v, wire, wl, &received), BLSIG_OK);
      inbox[to][filled[to]++] = received;
      blsig_contribution_free(out[k]);
    }
  }
  EXPECT(blsig_contribution_recipient(NULL) == (size_t)-1);
  for (i = 0; i < M; i++) {
    mks[i] = NULL;
    EXPECT_RC(blsig_asm_membership_key(group, i, (const blsig_contribution *const *)inbox[i], M - 1,
                                       &mks[i]),
              BLSIG_COUNT_MISMATCH);
    if (i > 0) {
      const blsig_contribution *wrong[M];
      for (j = 0; j < M; j++) wrong[j] = inbox[i][j];
      wrong[0] = inbox[0][0];
      EXPECT_RC(blsig_asm_membership_key(group, i, wrong, M, &mks[i]), BLSIG_WRONG_RECIPIENT);
    }
    EXPECT_RC(blsig_asm_membership_key(group, i, (const blsig_contribution *const *)inbox[i], M,
                                       &mks[i]),
              BLSIG_OK);
    EXPECT_RC(blsig_asm_verify_membership_key(group, mks[i]), BLSIG_OK);
  }
  {
    uint8_t mk_bytes[8 + 96];
    size_t ml = 0;
    blsig_membership_key *back = NULL;
    EXPECT_RC(blsig_membership_key_to_bytes(mks[0], mk_bytes, sizeof mk_bytes, &ml), BLSIG_OK);
    mk_bytes[7] = 1; /* relabelled as member 1's */
    EXPECT_RC(blsig_membership_key_from_bytes(v, mk_bytes, ml, &back), BLSIG_OK);
    EXPECT_RC(blsig_asm_verify_membership_key(group, back), BLSIG_VERIFICATION_FAILED);
    blsig_membership_key_free(back);
  }

  /* Three members sign; two are below the threshold. */
  {
    blsig_member_signature *ms[3];
    blsig_asm_signature *sig = NULL, *back = NULL;
    size_t signers[M], ns = 0;
    uint8_t bytes[1 + 96], mb[8 + 96];
    size_t bl = 0, mbl = 0;
    size_t chosen[3] = {0, 2, 4};
    blsig_member_signature *wrong = NULL;
    for (j = 0; j < 3; j++) {
      size_t k = chosen[j]; /* secret key k; its member index is index[k] */
      ms[j] = NULL;
      EXPECT_RC(blsig_asm_sign(group, sks[k], mks[index[k]], msg, 7, &ms[j]), BLSIG_OK);
      EXPECT_RC(blsig_asm_verify_member_signature(group, msg, 7, ms[j]), BLSIG_OK);
    }
    EXPECT_RC(blsig_asm_sign(group, sks[chosen[0]], mks[(index[chosen[0]] + 1) % M], msg, 7, &wrong),
              BLSIG_NOT_A_MEMBER);
    EXPECT_RC(blsig_asm_combine(group, (const blsig_member_signature *const *)ms, 2, &sig),
              BLSIG_BELOW_THRESHOLD);
    EXPECT_RC(blsig_asm_combine(group, NULL, 0, &sig), BLSIG_EMPTY_INPUT);
    {
      const blsig_member_signature *twice[3];
      twice[0] = ms[0];
      twice[1] = ms[0];
      twice[2] = ms[1];
      EXPECT_RC(blsig_asm_combine(group, twice, 3, &sig), BLSIG_DUPLICATE_KEY);
    }
    EXPECT_RC(blsig_member_signature_to_bytes(ms[0], mb, sizeof mb, &mbl), BLSIG_OK);
    mb[7] = 9; /* no member 9 */
    EXPECT_RC(blsig_member_signature_from_bytes(v, mb, mbl, &wrong), BLSIG_OK);
    EXPECT_RC(blsig_asm_verify_member_signature(group, msg, 7, wrong), BLSIG_INDEX_OUT_OF_RANGE);
    blsig_member_signature_free(wrong);
    EXPECT_RC(blsig_asm_combine(group, (const blsig_member_signature *const *)ms, 3, &sig), BLSIG_OK);
    EXPECT_RC(blsig_asm_verify(group, msg, 7, sig), BLSIG_OK);
    EXPECT_RC(blsig_asm_verify(group, msg, 6, sig), BLSIG_VERIFICATION_FAILED);
    ns = 0;
    EXPECT_RC(blsig_asm_signers(sig, signers, 2, &ns), BLSIG_BUFFER_TOO_SMALL);
    EXPECT(ns == 3);
    ns = 0;
    EXPECT_RC(blsig_asm_signers(sig, NULL, 0, &ns), BLSIG_BUFFER_TOO_SMALL);
    EXPECT(ns == 3);
    EXPECT_RC(blsig_asm_signers(sig, NULL, 1, &ns), BLSIG_NULL_POINTER);
    EXPECT_RC(blsig_asm_signers(sig, signers, M, &ns), BLSIG_OK);
    EXPECT(ns == 3);
    EXPECT_RC(blsig_asm_signature_to_bytes(sig, bytes, sizeof bytes, &bl), BLSIG_OK);
    EXPECT(bl == 1 + sig_len(v));
    EXPECT_RC(blsig_asm_signature_from_bytes(group, bytes, bl, &back), BLSIG_OK);
    EXPECT_RC(blsig_asm_verify(group, msg, 7, back), BLSIG_OK);
    blsig_asm_signature_free(back);
    back = NULL;
    bytes[0] |= 0x80; /* padding bit past member 4 */
    EXPECT_RC(blsig_asm_signature_from_bytes(group, bytes, bl, &back), BLSIG_NON_ZERO_PADDING);
    EXPECT_RC(blsig_asm_signature_from_bytes(group, bytes, bl - 1, &back), BLSIG_INVALID_LENGTH);
    EXPECT(back == NULL);
    blsig_asm_signature_free(sig);
    for (j = 0; j < 3; j++) blsig_member_signature_free(ms[j]);
  }

  /* MSP: n-of-n over the plain keys. */
  {
    blsig_group_key *gk = NULL, *gk2 = NULL;
    blsig_msp_share *shares[M];
    blsig_msp_signature *sig = NULL, *back = NULL;
    blsig_public_key *agg = NULL;
    uint8_t *gbytes;
    size_t gl;
    uint8_t sb[96], shb[8 + 96];
    size_t sl = 0, shl = 0;
    EXPECT_RC(blsig_group_key_new((const blsig_public_key *const *)pks, M, &gk), BLSIG_OK);
    EXPECT_RC(blsig_group_key_aggregate_key(gk, &agg), BLSIG_OK);
    gl = blsig_group_key_encoded_len(gk);
    EXPECT(gl == 4 + M * pk_len(v));
    EXPECT(blsig_group_key_encoded_len(NULL) == 0);
    gbytes = malloc(gl);
    EXPECT_RC(blsig_group_key_to_bytes(gk, gbytes, gl, NULL), BLSIG_OK);
    EXPECT_RC(blsig_group_key_from_bytes(v, gbytes, gl, &gk2), BLSIG_OK);
    {
      blsig_group_key *short_gk = NULL;
      EXPECT_RC(blsig_group_key_from_bytes(v, gbytes, gl - 1, &short_gk), BLSIG_INVALID_LENGTH);
      EXPECT(short_gk == NULL);
    }
    free(gbytes);
    for (i = 0; i < M; i++) {
      shares[i] = NULL;
      EXPECT_RC(blsig_msp_sign_share(gk, sks[i], msg, 7, &shares[i]), BLSIG_OK);
      EXPECT_RC(blsig_msp_verify_share(gk2, msg, 7, shares[i]), BLSIG_OK);
    }
    {
      blsig_secret_key *outsider = keygen(v, 200);
      blsig_msp_share *none = NULL;
      EXPECT_RC(blsig_msp_sign_share(gk, outsider, msg, 7, &none), BLSIG_NOT_A_MEMBER);
      blsig_secret_key_free(outsider);
    }
    EXPECT_RC(blsig_msp_combine(gk, (const blsig_msp_share *const *)shares, M - 1, &sig),
              BLSIG_MISSING_SHARE);
    EXPECT_RC(blsig_msp_combine(gk, (const blsig_msp_share *const *)shares, M, &sig), BLSIG_OK);
    EXPECT_RC(blsig_msp_verify(gk2, msg, 7, sig), BLSIG_OK);
    EXPECT_RC(blsig_msp_verify(gk2, msg, 1, sig), BLSIG_VERIFICATION_FAILED);
    EXPECT_RC(blsig_msp_signature_to_bytes(sig, sb, sizeof sb, &sl), BLSIG_OK);
    EXPECT_RC(blsig_msp_signature_from_bytes(v, sb, sl, &back), BLSIG_OK);
    EXPECT_RC(blsig_msp_verify(gk, msg, 7, back), BLSIG_OK);
    EXPECT_RC(blsig_msp_share_to_bytes(shares[0], shb, sizeof shb, &shl), BLSIG_OK);
    {
      blsig_msp_share *copy = NULL;
      EXPECT_RC(blsig_msp_share_from_bytes(v, shb, shl, &copy), BLSIG_OK);
      EXPECT_RC(blsig_msp_verify_share(gk, msg, 7, copy), BLSIG_OK);
      blsig_msp_share_free(copy);
    }
    blsig_msp_signature_free(back);
    blsig_msp_signature_free(sig);
    for (i = 0; i < M; i++) blsig_msp_share_free(shares[i]);
    blsig_public_key_free(agg);
    blsig_group_key_free(gk2);
    blsig_group_key_free(gk);
  }

  for (i = 0; i < M; i++) {
    for (j = 0; j < filled[i]; j++) blsig_contribution_free(inbox[i][j]);
    blsig_membership_key_free(mks[i]);
    blsig_proven_public_key_free(proven[i]);
    blsig_public_key_free(pks[i]);
    blsig_secret_key_free(sks[i]);
  }
  blsig_asm_group_free(group);
}

/* EIP-2333/2334: the ERC's test case 3 (seed, master key, child 42), and path errors. */
static void test_derive(void) {
  static const uint8_t seed[32] = {0xd4, 0xe5, 0x67, 0x40, 0xf8, 0x76, 0xae, 0xf8, 0xc0, 0x10, 0xb8,
                                   0x6a, 0x40, 0xd5, 0xf5, 0x67, 0x45, 0xa1, 0x18, 0xd0, 0x90, 0x6a,
                                   0x34, 0xe6, 0x9a, 0xec, 0x8c, 0x0d, 0xb1, 0xcb, 0x8f, 0xa3};
  blsig_secret_key *master = NULL, *child = NULL, *at_path = NULL, *by_steps = NULL, *k = NULL;
  uint8_t a[32], b[32];
  const char *path = "m/42";
  EXPECT_RC(blsig_derive_master_sk(BLSIG_VARIANT_MIN_PK, seed, sizeof seed, &master), BLSIG_OK);
  EXPECT_RC(blsig_derive_master_sk(BLSIG_VARIANT_MIN_PK, seed, 31, &k), BLSIG_SHORT_IKM);
  EXPECT_RC(blsig_derive_master_sk(7, seed, sizeof seed, &k), BLSIG_INVALID_SUITE);
  EXPECT_RC(blsig_derive_master_sk(BLSIG_VARIANT_MIN_PK, seed, sizeof seed, NULL), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_derive_child_sk(master, 42, &child), BLSIG_OK);
  EXPECT_RC(blsig_derive_child_sk(NULL, 42, &k), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_derive_path(BLSIG_VARIANT_MIN_PK, seed, sizeof seed, (const uint8_t *)path,
                              strlen(path), &at_path),
            BLSIG_OK);
  EXPECT_RC(blsig_secret_key_to_bytes(child, a, sizeof a), BLSIG_OK);
  EXPECT_RC(blsig_secret_key_to_bytes(at_path, b, sizeof b), BLSIG_OK);
  EXPECT(memcmp(a, b, 32) == 0);
  /* 31372231650479070279774297061823572166496564838472787488249775572789064611981 */
  {
    static const uint8_t want[32] = {0x45, 0x5c, 0x0d, 0xc9, 0xfc, 0xcb, 0x33, 0x95, 0x82, 0x5d, 0x92, 0xa6, 0x0d, 0x26, 0x72, 0xd6, 0x94, 0x16, 0xbe, 0x1c, 0x25, 0x78, 0xa8, 0x7a, 0x7a, 0x3d, 0x3c, 0xed, 0x11, 0xeb, 0xb8, 0x8d};
    EXPECT(memcmp(a, want, 32) == 0);
  }
  EXPECT_RC(blsig_derive_child_sk(master, 12381, &by_steps), BLSIG_OK);
  blsig_secret_key_free(by_steps);
  EXPECT_RC(blsig_derive_path(BLSIG_VARIANT_MIN_PK, seed, sizeof seed, (const uint8_t *)"m/01", 4, &k),
            BLSIG_INVALID_PATH);
  EXPECT_RC(blsig_derive_path(BLSIG_VARIANT_MIN_PK, seed, sizeof seed, (const uint8_t *)"m/4294967296",
                              12, &k),
            BLSIG_PATH_INDEX_OUT_OF_RANGE);
  EXPECT_RC(blsig_derive_path(BLSIG_VARIANT_MIN_PK, seed, sizeof seed, (const uint8_t *)"m/\xff", 3, &k),
            BLSIG_INVALID_PATH);
  EXPECT_RC(blsig_derive_path(BLSIG_VARIANT_MIN_PK, seed, sizeof seed, NULL, 4, &k), BLSIG_NULL_POINTER);
  blsig_secret_key_free(master);
  blsig_secret_key_free(child);
  blsig_secret_key_free(at_path);
}

/* Threshold: 3-of-5 dealing, share checks, plain and robust combination, recovery. */
#define TN 5
#define TT 3

static void test_threshold(blsig_suite suite, blsig_variant v) {
  uint8_t seed[32];
  blsig_secret_key *sk = keygen(v, 77), *recovered = NULL;
  blsig_public_key_set *set = NULL, *set2 = NULL;
  blsig_secret_share *shares[TN];
  blsig_signature_share *parts[TN], *bad = NULL, *copy = NULL;
  blsig_signature *sig = NULL, *direct = NULL;
  blsig_public_key *gk = NULL, *pk = NULL;
  uint8_t enc[4 + 3 * 96], share_enc[64], part_enc[32 + 96], a[96], b[96];
  size_t len = 0, n_invalid = 99, invalid[TN], i;
  const uint8_t msg[] = "threshold";
  const blsig_signature_share *picks[TN];
  const blsig_secret_share *secret_picks[TT];
  memset(seed, 3, sizeof seed);
  EXPECT_RC(blsig_threshold_deal(sk, 0, TN, seed, 32, &set, shares, TN), BLSIG_INVALID_THRESHOLD);
  EXPECT_RC(blsig_threshold_deal(sk, TN + 1, TN, seed, 32, &set, shares, TN), BLSIG_INVALID_THRESHOLD);
  EXPECT_RC(blsig_threshold_deal(sk, TT, TN, seed, 31, &set, shares, TN), BLSIG_INVALID_LENGTH);
  EXPECT_RC(blsig_threshold_deal(sk, TT, TN, seed, 32, &set, shares, TN - 1), BLSIG_BUFFER_TOO_SMALL);
  EXPECT_RC(blsig_threshold_deal(sk, TT, TN, seed, 32, NULL, shares, TN), BLSIG_NULL_POINTER);
  EXPECT_RC(blsig_threshold_deal(sk, TT, TN, seed, 32, &set, shares, TN), BLSIG_OK);
  EXPECT(blsig_public_key_set_threshold(set) == TT);
  EXPECT(blsig_public_key_set_threshold(NULL) == 0);
  for (i = 0; i < TN; i++) {
    EXPECT(blsig_secret_share_id(shares[i]) == i + 1);
    EXPECT_RC(blsig_public_key_set_verify_secret_share(set, shares[i]), BLSIG_OK);
  }
  EXPECT(blsig_secret_share_id(NULL) == 0);
  /* The group key is the dealt key's. */
  EXPECT_RC(blsig_public_key_set_group_key(set, &gk), BLSIG_OK);
  EXPECT_RC(blsig_secret_key_public_key(sk, &pk), BLSIG_OK);
  EXPECT_RC(blsig_public_key_to_bytes(gk, a, sizeof a, &len), BLSIG_OK);
  EXPECT_RC(blsig_public_key_to_bytes(pk, b, sizeof b, &len), BLSIG_OK);
  EXPECT(memcmp(a, b, len) == 0);
  /* Encodings. */
  len = blsig_public_key_set_encoded_len(set);
  EXPECT(len == 4 + TT * pk_len(v));
  EXPECT_RC(blsig_public_key_set_to_bytes(set, enc, len - 1, NULL), BLSIG_BUFFER_TOO_SMALL);
  EXPECT_RC(blsig_public_key_set_to_bytes(set, enc, sizeof enc, &len), BLSIG_OK);
  EXPECT_RC(blsig_public_key_set_from_bytes(v, enc, len, &set2), BLSIG_OK);
  EXPECT_RC(blsig_public_key_set_from_bytes(v, enc, len - 1, &set2), BLSIG_INVALID_LENGTH);
  EXPECT_RC(blsig_secret_share_to_bytes(shares[0], share_enc, 63), BLSIG_BUFFER_TOO_SMALL);
  EXPECT_RC(blsig_secret_share_to_bytes(shares[0], share_enc, 64), BLSIG_OK);
  {
    blsig_secret_share *back = NULL;
    EXPECT_RC(blsig_secret_share_from_bytes(v, share_enc, 64, &back), BLSIG_OK);
    EXPECT_RC(blsig_public_key_set_verify_secret_share(set2, back), BLSIG_OK);
    share_enc[63] ^= 1;
    blsig_secret_share_free(back);
    back = NULL;
    EXPECT_RC(blsig_secret_share_from_bytes(v, share_enc, 64, &back), BLSIG_OK);
    EXPECT_RC(blsig_public_key_set_verify_secret_share(set, back), BLSIG_VERIFICATION_FAILED);
    blsig_secret_share_free(back);
    memset(share_enc, 0, 32);
    EXPECT_RC(blsig_secret_share_from_bytes(v, share_enc, 64, &back), BLSIG_INVALID_SHARE_ID);
    memset(share_enc, 0, sizeof share_enc);
  }
  /* Sign with every share; combine shares 5, 1, 3: the undivided key's signature. */
  for (i = 0; i < TN; i++) {
    EXPECT_RC(blsig_threshold_sign(suite, set, shares[i], msg, sizeof msg, &parts[i]), BLSIG_OK);
    EXPECT_RC(blsig_threshold_verify_share(set, msg, sizeof msg, parts[i]), BLSIG_OK);
  }
  EXPECT_RC(blsig_threshold_sign(v == BLSIG_VARIANT_MIN_PK ? BLSIG_SUITE_MIN_SIG_POP : BLSIG_SUITE_MIN_PK_POP,
                                 set, shares[0], msg, sizeof msg, &bad),
            BLSIG_SUITE_MISMATCH);
  picks[0] = parts[4];
  picks[1] = parts[0];
  picks[2] = parts[2];
  EXPECT_RC(blsig_threshold_combine(set, picks, 2, &sig), BLSIG_BELOW_THRESHOLD);
  EXPECT_RC(blsig_threshold_combine(set, picks, 0, &sig), BLSIG_BELOW_THRESHOLD);
  EXPECT_RC(blsig_threshold_combine(set, picks, 3, &sig), BLSIG_OK);
  EXPECT_RC(blsig_verify(gk, msg, sizeof msg, sig), BLSIG_OK);
  EXPECT_RC(blsig_sign(suite, sk, msg, sizeof msg, &direct), BLSIG_OK);
  EXPECT_RC(blsig_signature_to_bytes(sig, a, sizeof a, &len), BLSIG_OK);
  EXPECT_RC(blsig_signature_to_bytes(direct, b, sizeof b, &len), BLSIG_OK);
  EXPECT(len == sig_len(v) && memcmp(a, b, len) == 0);
  blsig_signature_free(sig);
  sig = NULL;
  picks[1] = parts[4];
  EXPECT_RC(blsig_threshold_combine(set, picks, 3, &sig), BLSIG_DUPLICATE_KEY);
  /* Robust: share 2 signed another message; it is named by its position. */
  EXPECT_RC(blsig_threshold_sign(suite, set, shares[1], msg, 1, &bad), BLSIG_OK);
  EXPECT_RC(blsig_threshold_verify_share(set, msg, sizeof msg, bad), BLSIG_VERIFICATION_FAILED);
  EXPECT_RC(blsig_signature_share_to_bytes(bad, part_enc, sizeof part_enc, &len), BLSIG_OK);
  EXPECT(len == 32 + sig_len(v));
  EXPECT_RC(blsig_signature_share_from_bytes(suite, part_enc, len, &copy), BLSIG_OK);
  EXPECT_RC(blsig_signature_share_from_bytes(suite, part_enc, len - 1, &copy), BLSIG_INVALID_LENGTH);
  picks[0] = parts[0];
  picks[1] = copy;
  picks[2] = parts[2];
  picks[3] = parts[3];
  EXPECT_RC(blsig_threshold_find_invalid(set, msg, sizeof msg, picks, 4, seed, 32, invalid, TN, &n_invalid),
            BLSIG_OK);
  EXPECT(n_invalid == 1 && invalid[0] == 1);
  n_invalid = 99;
  EXPECT_RC(blsig_threshold_find_invalid(set, msg, sizeof msg, picks, 4, seed, 32, invalid, 0, &n_invalid),
            BLSIG_BUFFER_TOO_SMALL);
  EXPECT(n_invalid == 1);
  n_invalid = 99;
  EXPECT_RC(blsig_threshold_find_invalid(set, msg, sizeof msg, picks, 4, seed, 32, NULL, 0, &n_invalid),
            BLSIG_BUFFER_TOO_SMALL);
  EXPECT(n_invalid == 1);
  /* The same probe for robust combination: no signature is made when the list does not fit. */
  n_invalid = 99;
  sig = NULL;
  EXPECT_RC(blsig_threshold_robust_combine(set, msg, sizeof msg, picks, 4, seed, 32, &sig, NULL, 0,
                                           &n_invalid),
            BLSIG_BUFFER_TOO_SMALL);
  EXPECT(n_invalid == 1 && sig == NULL);
  n_invalid = 99;
  EXPECT_RC(blsig_threshold_robust_combine(set, msg, sizeof msg, picks, 4, seed, 32, &sig, invalid, TN,
                                           &n_invalid),
            BLSIG_OK);
  EXPECT(n_invalid == 1 && invalid[0] == 1);
  EXPECT_RC(blsig_verify(gk, msg, sizeof msg, sig), BLSIG_OK);
  blsig_signature_free(sig);
  sig = NULL;
  EXPECT_RC(blsig_threshold_robust_combine(set, msg, sizeof msg, picks, 3, seed, 32, &sig, invalid, TN,
                                           &n_invalid),
            BLSIG_BELOW_THRESHOLD);
  EXPECT(sig == NULL);
  EXPECT_RC(blsig_threshold_robust_combine(set, msg, sizeof msg, picks, 4, NULL, 32, &sig, invalid, TN,
                                           &n_invalid),
            BLSIG_NULL_POINTER);
  /* Recovery from three secret shares gives the dealt key. */
  secret_picks[0] = shares[3];
  secret_picks[1] = shares[1];
  secret_picks[2] = shares[4];
  EXPECT_RC(blsig_threshold_recover_secret_key(set, secret_picks, 2, &recovered), BLSIG_BELOW_THRESHOLD);
  EXPECT_RC(blsig_threshold_recover_secret_key(set, secret_picks, 3, &recovered), BLSIG_OK);
  EXPECT_RC(blsig_secret_key_to_bytes(recovered, a, 32), BLSIG_OK);
  EXPECT_RC(blsig_secret_key_to_bytes(sk, b, 32), BLSIG_OK);
  EXPECT(memcmp(a, b, 32) == 0);
  memset(a, 0, sizeof a);
  memset(b, 0, sizeof b);
  for (i = 0; i < TN; i++) {
    blsig_secret_share_free(shares[i]);
    blsig_signature_share_free(parts[i]);
  }
  blsig_signature_share_free(bad);
  blsig_signature_share_free(copy);
  blsig_signature_free(direct);
  blsig_public_key_free(gk);
  blsig_public_key_free(pk);
  blsig_public_key_set_free(set);
  blsig_public_key_set_free(set2);
  blsig_secret_key_free(recovered);
  blsig_secret_key_free(sk);
}

#undef TN
#undef TT

/* DKG, 3-of-4: dealer 2 corrupts its share to party 3 and does not answer the complaint. */
#define DN 4
#define DT 3
static void test_dkg(blsig_variant v, blsig_suite suite) {
  uint8_t seed[32], node_key[32];
  blsig_dkg_party *parties[DN];
  uint8_t *commitments[DN];
  size_t commitment_lens[DN], i, j, n_complaints = 0, n_just = 0, len;
  uint8_t inbox[DN][DN * 40], complaints[DN * DN * 8], just[DN * DN * 40];
  blsig_secret_share *shares[DN];
  blsig_public_key_set *sets[DN];
  blsig_signature_share *parts[DT];
  blsig_signature *sig = NULL;
  blsig_public_key *gk = NULL;
  uint8_t a[4 + DT * 96], b[4 + DT * 96], tmp[40];
  const uint8_t msg[] = "dkg";
  memset(seed, 9, sizeof seed);
  memset(node_key, 0x5a, sizeof node_key);
  EXPECT_RC(blsig_dkg_party_new(v, 0, DN, 1, node_key, 32, seed, 32, &parties[0]), BLSIG_INVALID_THRESHOLD);
  EXPECT_RC(blsig_dkg_party_new(v, DT, DN, 0, node_key, 32, seed, 32, &parties[0]), BLSIG_INDEX_OUT_OF_RANGE);
  EXPECT_RC(blsig_dkg_party_new(v, DT, DN, DN + 1, node_key, 32, seed, 32, &parties[0]),
            BLSIG_INDEX_OUT_OF_RANGE);
  EXPECT_RC(blsig_dkg_party_new(v, DT, DN, 1, node_key, 32, seed, 16, &parties[0]), BLSIG_INVALID_LENGTH);
  EXPECT_RC(blsig_dkg_party_new(v, DT, DN, 1, node_key, 31, seed, 32, &parties[0]), BLSIG_SHORT_IKM);
  EXPECT_RC(blsig_dkg_party_new(v, DT, DN, 1, NULL, 32, seed, 32, &parties[0]), BLSIG_NULL_POINTER);
  for (i = 0; i < DN; i++) {
    seed[0] = (uint8_t)i;
    node_key[0] = (uint8_t)i;
    EXPECT_RC(blsig_dkg_party_new(v, DT, DN, (uint32_t)(i + 1), node_key, 32, seed, 32, &parties[i]),
              BLSIG_OK);
    commitment_lens[i] = 8 + DT * pk_len(v);
    commitments[i] = malloc(commitment_lens[i]);
    EXPECT_RC(blsig_dkg_commitment(parties[i], commitments[i], commitment_lens[i] - 1, NULL),
              BLSIG_BUFFER_TOO_SMALL);
    EXPECT_RC(blsig_dkg_commitment(parties[i], commitments[i], commitment_lens[i], &len), BLSIG_OK);
    EXPECT(len == commitment_lens[i]);
  }
  EXPECT_RC(blsig_dkg_share_for(parties[0], 0, tmp, 40), BLSIG_INDEX_OUT_OF_RANGE);
  EXPECT_RC(blsig_dkg_share_for(parties[0], 1, tmp, 39), BLSIG_BUFFER_TOO_SMALL);
  for (i = 0; i < DN; i++) {
    for (j = 0; j < DN; j++) {
      EXPECT_RC(blsig_dkg_share_for(parties[i], (uint32_t)(j + 1), &inbox[j][i * 40], 40), BLSIG_OK);
    }
  }
  inbox[2][1 * 40 + 39] ^= 1; /* dealer 2's share to party 3 */
  /* Party 2's shares reach party 1: set aside, and party 1 (holding none of its own)
     complains about every dealer. The real delivery below replaces this round. */
  EXPECT_RC(blsig_dkg_receive(parties[0], (const uint8_t *const *)commitments, commitment_lens, DN,
                              inbox[1], DN * 40, complaints, sizeof complaints, &len),
            BLSIG_OK);
  EXPECT(len == DN * 8);
  EXPECT_RC(blsig_dkg_receive(parties[0], (const uint8_t *const *)commitments, commitment_lens, DN,
                              inbox[0], DN * 40 - 1, complaints, sizeof complaints, &len),
            BLSIG_INVALID_LENGTH);
  for (i = 0; i < DN; i++) {
    EXPECT_RC(blsig_dkg_receive(parties[i], (const uint8_t *const *)commitments, commitment_lens, DN,
                                inbox[i], DN * 40, complaints + n_complaints,
                                sizeof complaints - n_complaints, &len),
              BLSIG_OK);
    n_complaints += len;
  }
  EXPECT(n_complaints == 8);
  for (i = 0; i < DN; i++) {
    if (i == 1) continue; /* dealer 2 stays silent */
    EXPECT_RC(blsig_dkg_justify(parties[i], complaints, n_complaints, just + n_just,
                                sizeof just - n_just, &len),
              BLSIG_OK);
    n_just += len;
  }
  EXPECT(n_just == 0);
  for (i = 0; i < DN; i++) {
    EXPECT_RC(blsig_dkg_finish(parties[i], complaints, n_complaints, just, n_just, &shares[i], &sets[i]),
              BLSIG_OK);
    EXPECT_RC(blsig_public_key_set_verify_secret_share(sets[i], shares[i]), BLSIG_OK);
  }
  EXPECT_RC(blsig_dkg_finish(parties[0], complaints, n_complaints, just, n_just, &shares[0], &sets[0]),
            BLSIG_ALREADY_FINISHED);
  EXPECT_RC(blsig_dkg_commitment(parties[0], a, sizeof a, &len), BLSIG_ALREADY_FINISHED);
  /* Every party holds the same key set. */
  EXPECT_RC(blsig_public_key_set_to_bytes(sets[0], a, sizeof a, &len), BLSIG_OK);
  for (i = 1; i < DN; i++) {
    size_t l2 = 0;
    EXPECT_RC(blsig_public_key_set_to_bytes(sets[i], b, sizeof b, &l2), BLSIG_OK);
    EXPECT(l2 == len && memcmp(a, b, len) == 0);
  }
  /* Parties 4, 1, 3 sign; the combination verifies under the group key. */
  EXPECT_RC(blsig_threshold_sign(suite, sets[0], shares[3], msg, sizeof msg, &parts[0]), BLSIG_OK);
  EXPECT_RC(blsig_threshold_sign(suite, sets[0], shares[0], msg, sizeof msg, &parts[1]), BLSIG_OK);
  EXPECT_RC(blsig_threshold_sign(suite, sets[0], shares[2], msg, sizeof msg, &parts[2]), BLSIG_OK);
  EXPECT_RC(blsig_threshold_combine(sets[0], (const blsig_signature_share *const *)parts, DT, &sig),
            BLSIG_OK);
  EXPECT_RC(blsig_public_key_set_group_key(sets[0], &gk), BLSIG_OK);
  EXPECT_RC(blsig_verify(gk, msg, sizeof msg, sig), BLSIG_OK);
  memset(inbox, 0, sizeof inbox);
  for (i = 0; i < DT; i++) blsig_signature_share_free(parts[i]);
  for (i = 0; i < DN; i++) {
    blsig_dkg_party_free(parties[i]);
    blsig_secret_share_free(shares[i]);
    blsig_public_key_set_free(sets[i]);
    free(commitments[i]);
  }
  blsig_signature_free(sig);
  blsig_public_key_free(gk);
}
#undef DN
#undef DT

static void test_free_null(void) {
  blsig_aggregate_public_key_free(NULL);
  blsig_group_key_free(NULL);
  blsig_msp_share_free(NULL);
  blsig_msp_signature_free(NULL);
  blsig_asm_group_free(NULL);
  blsig_contribution_free(NULL);
  blsig_membership_key_free(NULL);
  blsig_member_signature_free(NULL);
  blsig_asm_signature_free(NULL);
  blsig_batch_free(NULL);
  blsig_secret_key_free(NULL);
  blsig_public_key_free(NULL);
  blsig_proven_public_key_free(NULL);
  blsig_signature_free(NULL);
  blsig_proof_free(NULL);
  blsig_public_key_set_free(NULL);
  blsig_secret_share_free(NULL);
  blsig_signature_share_free(NULL);
  blsig_dkg_party_free(NULL);
  checks++;
}

int main(void) {
  blsig_suite suites[6] = {BLSIG_SUITE_MIN_PK_BASIC, BLSIG_SUITE_MIN_PK_AUG, BLSIG_SUITE_MIN_PK_POP,
                           BLSIG_SUITE_MIN_SIG_BASIC, BLSIG_SUITE_MIN_SIG_AUG, BLSIG_SUITE_MIN_SIG_POP};
  int i;
  test_version_and_codes();
  test_secret_keys(BLSIG_VARIANT_MIN_PK);
  test_secret_keys(BLSIG_VARIANT_MIN_SIG);
  test_point_decoding(BLSIG_VARIANT_MIN_PK);
  test_point_decoding(BLSIG_VARIANT_MIN_SIG);
  for (i = 0; i < 6; i++) {
    test_sign_verify(suites[i], i < 3 ? BLSIG_VARIANT_MIN_PK : BLSIG_VARIANT_MIN_SIG);
  }
  test_uncompressed(BLSIG_SUITE_MIN_PK_POP, BLSIG_VARIANT_MIN_PK);
  test_uncompressed(BLSIG_SUITE_MIN_SIG_AUG, BLSIG_VARIANT_MIN_SIG);
  test_aggregation(BLSIG_VARIANT_MIN_PK, BLSIG_SUITE_MIN_PK_BASIC, BLSIG_SUITE_MIN_PK_POP);
  test_aggregation(BLSIG_VARIANT_MIN_SIG, BLSIG_SUITE_MIN_SIG_BASIC, BLSIG_SUITE_MIN_SIG_POP);
  test_batch(BLSIG_SUITE_MIN_PK_POP, BLSIG_VARIANT_MIN_PK);
  test_batch(BLSIG_SUITE_MIN_SIG_BASIC, BLSIG_VARIANT_MIN_SIG);
  test_batch(BLSIG_SUITE_MIN_PK_AUG, BLSIG_VARIANT_MIN_PK);
  test_hashing();
  test_multisig(BLSIG_VARIANT_MIN_PK);
  test_multisig(BLSIG_VARIANT_MIN_SIG);
  test_derive();
  test_threshold(BLSIG_SUITE_MIN_PK_POP, BLSIG_VARIANT_MIN_PK);
  test_threshold(BLSIG_SUITE_MIN_SIG_AUG, BLSIG_VARIANT_MIN_SIG);
  test_dkg(BLSIG_VARIANT_MIN_PK, BLSIG_SUITE_MIN_PK_POP);
  test_dkg(BLSIG_VARIANT_MIN_SIG, BLSIG_SUITE_MIN_SIG_BASIC);
  test_free_null();
  printf("%d passed, %d failed\n", checks - failures, failures);
  return failures == 0 ? 0 : 1;
}
