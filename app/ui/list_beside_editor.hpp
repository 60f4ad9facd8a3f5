// A screen of a list and one item's editor (the årlig genomgång's requirements, the egenkontrollplan's
// checks): side by side where the content is wider than 55 em, else the list, and an open item alone.
#pragma once

#include "core/function_ref.hpp"

namespace kvh::ui {

// Whether the content region has room for the list beside the editor.
bool room_beside();
// The list (40 %) beside the editor, each scrolling on its own, together at least most of the screen's
// height: the page scrolls them into view under the document's header.
void list_beside_editor(const char* list_id, core::FunctionRef<void()> list, const char* editor_id,
                        core::FunctionRef<void()> editor);

} // namespace kvh::ui
