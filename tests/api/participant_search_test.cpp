// Finding a returning person by personal number: POST only, through the blind
// index, limited to what the searcher may see, and the number never logged.
#include <gtest/gtest.h>

#include "api/participant_support.hpp"
#include "api/server_fixture.hpp"

using namespace stegvis::test;

TEST(ParticipantSearch, FindsThePersonsEnrolmentsForTheUnitsSamordnare) {
  ApiClient sam(server().port);
  ASSERT_EQ(sam.login("samordnare.vastra").status, 200);
  std::string number;
  auto id = create_enrolment(sam, programme_id(), {}, "", &number);
  ASSERT_GT(id, 0);
  auto r = sam.post("/api/v1/enrolments/search", json{{"personal_number", number}});
  ASSERT_EQ(r.status, 200) << r.text;
  ASSERT_EQ(r.body["total"], 1);
  EXPECT_EQ(r.body["items"][0]["id"], id);
  // Written with a dash and a two-digit year it is the same person.
  std::string short_form = number.substr(2, 6) + "-" + number.substr(8);
  EXPECT_EQ(sam.post("/api/v1/enrolments/search", json{{"personal_number", short_form}}).body["total"], 1);
}

TEST(ParticipantSearch, OthersFindNothingAndTheNumberIsNotLogged) {
  ApiClient sam(server().port);
  ASSERT_EQ(sam.login("samordnare.vastra").status, 200);
  std::string number;
  ASSERT_GT(create_enrolment(sam, programme_id(), {}, "", &number), 0);
  ApiClient other(server().port);
  ASSERT_EQ(other.login("samordnare.sodra").status, 200);
  auto r = other.post("/api/v1/enrolments/search", json{{"personal_number", number}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["total"], 0) << "another unit's samordnare sees nothing";
  ApiClient board(server().port);
  ASSERT_EQ(board.login("styrgrupp").status, 200);
  EXPECT_EQ(board.post("/api/v1/enrolments/search", json{{"personal_number", number}}).status, 403);
  ApiClient admin(server().port);
  ASSERT_EQ(admin.login("admin").status, 200);
  auto log = admin.get("/api/v1/audit?action=person.search&limit=500");
  ASSERT_EQ(log.status, 200);
  EXPECT_GE(log.body["total"].get<int>(), 2);
  EXPECT_EQ(log.text.find(number), std::string::npos);
  EXPECT_EQ(log.text.find(number.substr(2)), std::string::npos);
}

TEST(ParticipantSearch, AnInvalidNumberIsABadRequestAndGetIsNotAllowed) {
  ApiClient sam(server().port);
  ASSERT_EQ(sam.login("samordnare.vastra").status, 200);
  auto bad = sam.post("/api/v1/enrolments/search", json{{"personal_number", "19900101-0000"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body["error"]["field"], "personal_number");
  EXPECT_EQ(sam.get("/api/v1/enrolments/search").status, 404) << "no GET: the number never goes in a URL";
}
