#include "crypto/sealed_box.hpp"

#include <gtest/gtest.h>

#include "crypto/crypto.hpp"

using stegvis::crypto::FieldCipher;

namespace {
FieldCipher cipher(char fill = 'k') {
  stegvis::crypto::init();
  return FieldCipher(std::string(32, fill));
}
}  // namespace

TEST(FieldCipher, SealedTextOpensToTheOriginal) {
  auto c = cipher();
  auto sealed = c.seal("Åsa Öberg, 19811218-9876");
  EXPECT_EQ(sealed.find("Åsa"), std::string::npos);
  EXPECT_EQ(c.open(sealed), "Åsa Öberg, 19811218-9876");
}

TEST(FieldCipher, TheSameTextSealsDifferentlyEachTime) {
  auto c = cipher();
  EXPECT_NE(c.seal("x"), c.seal("x"));
}

TEST(FieldCipher, AnotherKeyOrAlteredTextDoesNotOpen) {
  auto sealed = cipher('a').seal("hemligt");
  EXPECT_FALSE(cipher('b').open(sealed));
  std::string altered = sealed;
  altered[altered.size() / 2] = altered[altered.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(cipher('a').open(altered));
  EXPECT_FALSE(cipher('a').open("not base64 at all!"));
}

TEST(FieldCipher, EmptyStaysEmpty) {
  auto c = cipher();
  EXPECT_EQ(c.seal(""), "");
  EXPECT_EQ(c.open(""), "");
}

TEST(FieldCipher, KeyedHashesAreStablePerPurposeAndKey) {
  auto c = cipher();
  EXPECT_EQ(c.keyed_hash("pn-index", "198112189876"), c.keyed_hash("pn-index", "198112189876"));
  EXPECT_NE(c.keyed_hash("pn-index", "198112189876"), c.keyed_hash("pseudonym:1", "198112189876"));
  EXPECT_NE(c.keyed_hash("pn-index", "198112189876"), cipher('z').keyed_hash("pn-index", "198112189876"));
}

TEST(FieldCipher, ASealWithAGivenNonceOpensAndRepeatsForTheSameNonce) {
  auto c = cipher();
  std::string nonce(FieldCipher::kNonceBytes, '\x07');
  auto a = c.seal_with_nonce("Anna Andersson", nonce);
  EXPECT_EQ(a, c.seal_with_nonce("Anna Andersson", nonce));
  EXPECT_NE(a, c.seal_with_nonce("Anna Andersson", std::string(FieldCipher::kNonceBytes, '\x08')));
  EXPECT_EQ(c.open(a).value_or(""), "Anna Andersson");
  EXPECT_THROW(c.seal_with_nonce("x", "short"), std::runtime_error);
}
