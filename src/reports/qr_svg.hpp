// QR codes for the one-time answer links handed out on paper (libqrencode),
// drawn as SVG: one path of dark modules with a quiet zone of four modules.
#pragma once
#include <string>

namespace stegvis::reports {

// The SVG document for text (error correction M); std::runtime_error when libqrencode fails.
std::string qr_svg(const std::string& text);
// The same as a data: URI, for an <img> under a CSP that allows data: images.
std::string qr_svg_data_uri(const std::string& text);

}  // namespace stegvis::reports
