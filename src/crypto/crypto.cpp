#include "crypto/crypto.hpp"

#include <sodium.h>

#include <atomic>
#include <stdexcept>

namespace stegvis::crypto {

void init() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

namespace {
std::atomic<unsigned long long> g_opslimit{crypto_pwhash_OPSLIMIT_INTERACTIVE};
std::atomic<std::size_t> g_memlimit{crypto_pwhash_MEMLIMIT_INTERACTIVE};
}  // namespace

void use_minimal_password_cost_for_tests() {
  g_opslimit = crypto_pwhash_OPSLIMIT_MIN;
  g_memlimit = crypto_pwhash_MEMLIMIT_MIN;
}

std::string hash_password(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), g_opslimit, g_memlimit) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
  std::string h(hash);  // must be NUL-terminated
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(std::string_view hash) {
  std::string h(hash);
  return crypto_pwhash_str_needs_rehash(h.c_str(), g_opslimit, g_memlimit) != 0;
}

namespace {
std::string to_hex(const unsigned char* data, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}
}  // namespace

std::string random_token() {
  unsigned char buf[32];
  randombytes_buf(buf, sizeof buf);
  return to_hex(buf, sizeof buf);
}

std::string hash_hex(std::string_view data, std::string_view key) {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                     key.empty() ? nullptr : reinterpret_cast<const unsigned char*>(key.data()), key.size());
  return to_hex(out, sizeof out);
}

bool equal_constant_time(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace stegvis::crypto

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace stegvis::crypto {

std::string load_or_create_key(const std::string& path) {
  constexpr std::size_t kKeyBytes = 32;
  if (std::filesystem::exists(path)) {
    std::ifstream in(path, std::ios::binary);
    std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (key.size() != kKeyBytes) throw std::runtime_error("the key file " + path + " does not hold a 32-byte key");
    return key;
  }
  if (auto dir = std::filesystem::path(path).parent_path(); !dir.empty()) std::filesystem::create_directories(dir);
  std::string key(kKeyBytes, '\0');
  randombytes_buf(key.data(), key.size());
  auto old = umask(077);
  std::ofstream out(path, std::ios::binary);
  umask(old);
  out.write(key.data(), static_cast<std::streamsize>(key.size()));
  if (!out) throw std::runtime_error("cannot write the key file " + path);
  chmod(path.c_str(), 0600);
  return key;
}

}  // namespace stegvis::crypto
