/*
 * blsig from C: key generation, signing, verification, aggregation, and a batch in which
 * one bad signature is found. Build against an installed prefix (see the README):
 *   cc -std=c99 sign_verify.c $(pkg-config --cflags --libs blsig) -o sign_verify
 */
#include <blsig.h>

#include <stdio.h>
#include <string.h>

#define CHECK(call)                                                             \
  do {                                                                          \
    blsig_result rc_ = (call);                                                  \
    if (rc_ != BLSIG_OK) {                                                      \
      fprintf(stderr, "%s failed: %s\n", #call, blsig_result_str(rc_));         \
      return 1;                                                                 \
    }                                                                           \
  } while (0)

enum { N = 4 };

int main(void) {
  /* In a real program the IKM and the batch seed come from the OS (getrandom). */
  uint8_t ikm[32], seed[32];
  blsig_secret_key *sks[N];
  blsig_public_key *pks[N];
  blsig_signature *sigs[N];
  blsig_signature *agg = NULL;
  blsig_batch *batch = NULL;
  const uint8_t *msg = (const uint8_t *)"block 7";
  uint8_t sig_bytes[BLSIG_MIN_PK_SIGNATURE_LEN];
  size_t written = 0, invalid[N], count = 0, i;
  blsig_result rc;

  printf("blsig %s\n", blsig_version());
  for (i = 0; i < N; i++) {
    memset(ikm, (int)(i + 1), sizeof ikm);
    CHECK(blsig_secret_key_gen(BLSIG_VARIANT_MIN_PK, ikm, sizeof ikm, NULL, 0, &sks[i]));
    CHECK(blsig_secret_key_public_key(sks[i], &pks[i]));
    /* Signer 2 signs another message: the batch below must find it. */
    CHECK(blsig_sign(BLSIG_SUITE_MIN_PK_POP, sks[i], i == 2 ? (const uint8_t *)"block 8" : msg, 7,
                     &sigs[i]));
  }
  CHECK(blsig_signature_to_bytes(sigs[0], sig_bytes, sizeof sig_bytes, &written));
  printf("signature: %zu bytes, starts %02x%02x%02x%02x\n", written, sig_bytes[0], sig_bytes[1],
         sig_bytes[2], sig_bytes[3]);

  CHECK(blsig_verify(pks[0], msg, 7, sigs[0]));
  rc = blsig_verify(pks[0], (const uint8_t *)"block 9", 7, sigs[0]);
  printf("verify: ok; another message: %s\n", blsig_result_str(rc));

  CHECK(blsig_aggregate((const blsig_signature *const *)sigs, 2, &agg));
  {
    blsig_proof *proofs[2];
    blsig_proven_public_key *proven[2];
    for (i = 0; i < 2; i++) {
      CHECK(blsig_pop_prove(sks[i], &proofs[i]));
      CHECK(blsig_pop_verify(pks[i], proofs[i], &proven[i]));
    }
    CHECK(blsig_fast_aggregate_verify(agg, (const blsig_proven_public_key *const *)proven, 2, msg, 7));
    printf("aggregate of 2 on one message: FastAggregateVerify ok\n");
    for (i = 0; i < 2; i++) {
      blsig_proven_public_key_free(proven[i]);
      blsig_proof_free(proofs[i]);
    }
  }

  memset(seed, 0x5a, sizeof seed);
  CHECK(blsig_batch_new(BLSIG_SUITE_MIN_PK_POP, &batch));
  for (i = 0; i < N; i++) CHECK(blsig_batch_queue(batch, pks[i], msg, 7, sigs[i], NULL));
  rc = blsig_batch_verify(batch, seed, sizeof seed);
  printf("batch of %zu: %s\n", blsig_batch_len(batch), blsig_result_str(rc));
  CHECK(blsig_batch_find_invalid(batch, seed, sizeof seed, invalid, N, &count));
  for (i = 0; i < count; i++) printf("invalid item: %zu\n", invalid[i]);

  blsig_batch_free(batch);
  blsig_signature_free(agg);
  for (i = 0; i < N; i++) {
    blsig_signature_free(sigs[i]);
    blsig_public_key_free(pks[i]);
    blsig_secret_key_free(sks[i]);
  }
  return count == 1 && invalid[0] == 2 ? 0 : 1;
}
