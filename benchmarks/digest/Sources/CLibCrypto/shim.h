// OpenSSL's SHA-256 (Debian: libssl-dev), which uses the CPU's SHA instructions where it has them.
// The SHA256_Init/Update/Final API keeps its state in a plain struct, so a Swift value can hold it;
// OpenSSL 3 marks it deprecated in favour of EVP, which needs a heap context.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
