// Plotline's Dear ImGui configuration (IMGUI_USER_CONFIG).
#pragma once
// 32-bit indices: one draw list can hold more than 65,535 vertices (big timelines), and the WebGL
// backend has no vertex offsets to split them.
#define ImDrawIdx unsigned int
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_DEMO_WINDOWS
