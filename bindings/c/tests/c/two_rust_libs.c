/*
 * One C program, two Rust static libraries: blsig's installed archive and another one
 * (tests/c/other_rust_lib.rs). Each carries a copy of the Rust standard library; with
 * blsig's archive keeping only its blsig_ symbols global, the link must succeed and both
 * libraries must work, whichever comes first on the command line.
 */
#include <blsig.h>

#include <stdio.h>
#include <string.h>

uint64_t other_rust_sum(uint32_t n);

int main(void) {
  uint8_t ikm[32], pk_bytes[BLSIG_MIN_PK_PUBLIC_KEY_LEN];
  size_t written = 0;
  blsig_secret_key *sk = NULL;
  blsig_public_key *pk = NULL;
  blsig_signature *sig = NULL;
  blsig_result rc;
  const uint8_t msg[] = "two libraries";

  memset(ikm, 7, sizeof ikm);
  rc = blsig_secret_key_gen(BLSIG_VARIANT_MIN_PK, ikm, sizeof ikm, NULL, 0, &sk);
  if (rc == BLSIG_OK) rc = blsig_secret_key_public_key(sk, &pk);
  if (rc == BLSIG_OK) rc = blsig_sign(BLSIG_SUITE_ETHEREUM, sk, msg, sizeof msg, &sig);
  if (rc == BLSIG_OK) rc = blsig_verify(pk, msg, sizeof msg, sig);
  if (rc == BLSIG_OK) rc = blsig_public_key_to_bytes(pk, pk_bytes, sizeof pk_bytes, &written);
  blsig_signature_free(sig);
  blsig_public_key_free(pk);
  blsig_secret_key_free(sk);
  if (rc != BLSIG_OK || written != sizeof pk_bytes) {
    fprintf(stderr, "blsig: %s\n", blsig_result_str(rc));
    return 1;
  }
  if (other_rust_sum(100) != 4950) {
    fprintf(stderr, "the other library gave a wrong sum\n");
    return 1;
  }
  printf("blsig %s and a second Rust library in one program: ok\n", blsig_version());
  return 0;
}
