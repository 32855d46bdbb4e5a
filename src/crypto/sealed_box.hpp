// Encryption of identifying fields at rest (names, personal numbers, contact
// details, notes) with the installation key, which lives outside the database,
// and keyed hashes: a blind index for finding a returning person by personal
// number, and stable pseudonyms for evaluators.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace stegvis::crypto {

class FieldCipher {
 public:
  // key: the 32-byte installation key (load_or_create_key).
  explicit FieldCipher(std::string key);

  // XChaCha20-Poly1305 with a random nonce; returns base64 text, "" for "".
  std::string seal(std::string_view plain) const;
  // The same format with a nonce the caller derives, for generated data sets
  // (stegvis bench-data) that must be byte-identical run after run. The caller
  // guarantees that no nonce is ever used twice under the key.
  static constexpr std::size_t kNonceBytes = 24;
  std::string seal_with_nonce(std::string_view plain, std::string_view nonce) const;
  // Nothing when the text was not sealed with this key or was altered.
  std::optional<std::string> open(std::string_view sealed) const;

  // Keyed BLAKE2b under a key derived for the given purpose ("pn-index", "pseudonym:<programme>").
  std::string keyed_hash(std::string_view purpose, std::string_view data) const;

 private:
  std::string key_;
};

}  // namespace stegvis::crypto
