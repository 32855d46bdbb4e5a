// A Chart drawn with cairo on a report page: bars side by side, stacked bars or
// lines, the dashed reference line (e.g. the ORS cut-off 25), the y axis with
// Swedish numbers, the category labels and a legend. The same colours as
// web/static/charts.js, so the PDF looks like the page.
#pragma once
#include "reports/chart.hpp"
#include "reports/pdf_canvas.hpp"

namespace stegvis::reports {

// Draws at the canvas's position (on a new page when it does not fit) and moves below.
void draw_chart(PdfCanvas& canvas, const Chart& chart);

}  // namespace stegvis::reports
