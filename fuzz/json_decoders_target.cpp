// Every JSON request decoder (http::request_decoders()) on the same body: the
// body is parsed as the server parses it, then each decoder either accepts it
// or names the field at fault with a Swedish message, and text it accepts
// passes or fails the product's text rules without harm.
#include "domain/validation.hpp"
#include "http/json_codec.hpp"
#include "http/request_decoders.hpp"
#include "targets.hpp"

namespace stegvis::fuzz {

std::string json_decoders(std::string_view input) {
  auto body = http::parse_object(std::string(input));
  if (!body) return body.error().message.empty() ? "parse error without a message" : "";
  // A small fixed vocabulary, as the demo's, for bodies that name parties and municipalities.
  static const std::vector<Party> parties{{1, "Försäkringskassan", "fk"}, {2, "Arbetsförmedlingen", "af"}};
  static const std::vector<Municipality> municipalities{{1, "Katrineholm", 1, 34000, 1.0}, {2, "Vingåker", 1, 9000, 1.2}};
  const http::Lookups lookups{[] { return Result<std::vector<Party>>(parties); },
                              [] { return Result<std::vector<Municipality>>(municipalities); }};
  for (const auto& d : http::request_decoders()) {
    auto e = d.decode(*body, lookups);
    if (e && e->message.empty()) return std::string(d.name) + ": an error without a message";
  }
  // The text checks every use case applies to what the decoders let through.
  for (const auto& [key, value] : body->items())
    if (value.is_string()) (void)check_text(key, value.get<std::string>(), 200);
  // What the server sends back must always serialise, whatever came in.
  (void)http::json_response(*body);
  return "";
}

}  // namespace stegvis::fuzz
