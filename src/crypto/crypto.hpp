// Thin wrappers around libsodium: password hashing (argon2id), random tokens,
// and keyed/unkeyed BLAKE2b. Callers never touch libsodium directly.
#pragma once
#include <string>
#include <string_view>

namespace stegvis::crypto {

// Must be called once before any other function (idempotent).
void init();

std::string hash_password(std::string_view password);
// Tests only: the cheapest argon2id parameters, so suites that create many
// accounts run in seconds. Never called by the product.
void use_minimal_password_cost_for_tests();
bool verify_password(std::string_view hash, std::string_view password);
bool password_needs_rehash(std::string_view hash);

// 32 random bytes as 64 hex characters: session ids, CSRF tokens, API tokens.
std::string random_token();
// BLAKE2b-256 of data as hex; with a key it is a keyed hash (MAC).
std::string hash_hex(std::string_view data, std::string_view key = {});

// Constant-time comparison of two strings of equal length.
bool equal_constant_time(std::string_view a, std::string_view b);

}  // namespace stegvis::crypto

namespace stegvis::crypto {
// The installation's secret key (32 bytes) from a file outside the database;
// created with mode 0600 when missing. Throws when it cannot be read or made.
std::string load_or_create_key(const std::string& path);
}  // namespace stegvis::crypto
