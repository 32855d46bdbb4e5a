#include "crypto/sealed_box.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

#include "crypto/crypto.hpp"

namespace stegvis::crypto {

FieldCipher::FieldCipher(std::string key) : key_(std::move(key)) {
  if (key_.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
    throw std::runtime_error("the field key must be 32 bytes");
}

std::string FieldCipher::seal(std::string_view plain) const {
  if (plain.empty()) return {};
  std::string nonce(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, '\0');
  randombytes_buf(nonce.data(), nonce.size());
  return seal_with_nonce(plain, nonce);
}

std::string FieldCipher::seal_with_nonce(std::string_view plain, std::string_view nonce_in) const {
  static_assert(kNonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  if (plain.empty()) return {};
  if (nonce_in.size() != kNonceBytes) throw std::runtime_error("a nonce must be 24 bytes");
  std::string box(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES,
                  '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(box.data());
  std::copy(nonce_in.begin(), nonce_in.end(), box.begin());
  unsigned long long len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &len,
                                             reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                                             nullptr, 0, nullptr, nonce,
                                             reinterpret_cast<const unsigned char*>(key_.data()));
  std::string out(sodium_base64_ENCODED_LEN(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(box.data()), box.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::optional<std::string> FieldCipher::open(std::string_view sealed) const {
  if (sealed.empty()) return std::string();
  std::string box(sealed.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(box.data()), box.size(), sealed.data(), sealed.size(),
                        nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  if (len < crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES)
    return std::nullopt;
  const auto* nonce = reinterpret_cast<const unsigned char*>(box.data());
  std::string plain(len - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES - crypto_aead_xchacha20poly1305_ietf_ABYTES,
                    '\0');
  unsigned long long plain_len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &plain_len, nullptr,
          nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, len - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
          nullptr, 0, nonce, reinterpret_cast<const unsigned char*>(key_.data())) != 0)
    return std::nullopt;
  plain.resize(plain_len);
  return plain;
}

std::string FieldCipher::keyed_hash(std::string_view purpose, std::string_view data) const {
  // A sub-key per purpose, so a blind index never equals a pseudonym of the same number.
  std::string subkey = hash_hex(purpose, key_).substr(0, 32);
  return hash_hex(data, subkey);
}

}  // namespace stegvis::crypto
