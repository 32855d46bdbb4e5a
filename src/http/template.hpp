// A mustache template parsed once and rendered straight from the JSON view model.
//
// The pages were rendered with kainjow mustache, which copies the whole view into its
// own data type and then walks every tag through std::function and a virtual context:
// on the participant page that was a third of the request's CPU. This renders the same
// subset of mustache (variables, {{{ }}} and {{& }}, sections, inverted sections,
// comments; partials are put in place before parsing) with kainjow's exact output,
// blank-line rules included; a test renders every template with both and compares.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace stegvis::http {

class Template {
 public:
  // Throws std::runtime_error naming the position of an unclosed tag or section.
  explicit Template(std::string_view text);

  // Appends the rendering to out. Names are looked up in `view` first, then in `base`
  // (the language's text catalogue), as kainjow's context stack did.
  void render(const nlohmann::json& base, const nlohmann::json& view, std::string& out) const;

 private:
  enum class Kind { text, newline, variable, raw_variable, section, inverted };
  struct Node {
    Kind kind;
    std::string text;                // text, newline: the characters; section: its name
    std::vector<std::string> path;   // variable, section: the dotted name, split once
    bool dot = false;                // the name is "." (the current item)
    std::size_t end = 0;             // section: index just past its children
  };
  struct Renderer;

  std::vector<Node> nodes_;
};

}  // namespace stegvis::http
