// Turning what waits in ImGui's input queue into edits without showing frames: for a user gesture
// that must act inside its event handler (pump_frames), and for a page being hidden or closed.
#include "platform_web.hpp"

#include "imgui_internal.h"

namespace kvh::platform {

// Builds frames, not shown, until ImGui has taken every queued input event. ImGui trickles input:
// a press and its release go to different frames, typed text to about one frame per key; every
// frame takes at least one event.
void drain_input() {
    int budget = GImGui->InputEventsQueue.Size + 1;
    do draw_frame(false);
    while (!GImGui->InputEventsQueue.empty() && --budget > 0);
}

// How many events at the head of ImGui's input queue are plain typing into the active text field:
// characters, and the letter, digit, space and Shift keys that came with them, no Ctrl/Alt/Super.
// A text field takes such a run in one frame without trickling (the characters keep their order;
// letter keys mean nothing to it); anything else ends the run and goes through ImGui's trickling.
static int typing_run() {
    const ImGuiContext& g = *GImGui;
    if (!g.IO.WantTextInput || g.IO.KeyCtrl || g.IO.KeyAlt || g.IO.KeySuper) return 0;
    int n = 0;
    for (const ImGuiInputEvent& e : g.InputEventsQueue) {
        if (e.Type == ImGuiInputEventType_Key) {
            const ImGuiKey k = e.Key.Key;
            const bool plain = (k >= ImGuiKey_A && k <= ImGuiKey_Z) || (k >= ImGuiKey_0 && k <= ImGuiKey_9) ||
                               k == ImGuiKey_Space || k == ImGuiMod_Shift || k == ImGuiKey_LeftShift ||
                               k == ImGuiKey_RightShift;
            if (!plain) break;
        } else if (e.Type != ImGuiInputEventType_Text) {
            break;
        }
        ++n;
    }
    return n;
}

// Turns every queued input event into edits, without drawing, at the cost of a few UI builds: a
// page that got no animation frames while keys arrived (a busy or starved renderer) may hold a
// hundred events, and a closing page has about half a second for its pagehide handler.
void drain_input_fast() {
    ImGuiContext& g = *GImGui;
    for (int budget = g.InputEventsQueue.Size + 1; !g.InputEventsQueue.empty() && budget > 0; --budget) {
        const int run = typing_run();
        if (run < 2) {
            draw_frame(false);
            continue;
        }
        // Only the run is in the queue for this frame; the rest waits for the next.
        ImVector<ImGuiInputEvent> rest;
        rest.reserve(g.InputEventsQueue.Size - run);
        for (int i = run; i < g.InputEventsQueue.Size; ++i) rest.push_back(g.InputEventsQueue[i]);
        g.InputEventsQueue.resize(run);
        const bool trickle = g.IO.ConfigInputTrickleEventQueue;
        g.IO.ConfigInputTrickleEventQueue = false;
        draw_frame(false);
        g.IO.ConfigInputTrickleEventQueue = trickle;
        // Untrickled, ImGui takes the whole queue in one frame; whatever it left stays first.
        for (const ImGuiInputEvent& e : rest) g.InputEventsQueue.push_back(e);
    }
}

} // namespace kvh::platform
