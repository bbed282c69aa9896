namespace SmartConformance.ReferenceServer.Ehr;

/// <summary>The EHR's look, served at smart_style_url (SMART App Launch 2.2 scopes-and-launch-context.html#styling).</summary>
internal static class SmartStyle
{
    public static IReadOnlyDictionary<string, object> Document { get; } = new Dictionary<string, object>
    {
        ["color_background"] = "#edeae3",
        ["color_error"] = "#9e2d2d",
        ["color_highlight"] = "#69b5ce",
        ["color_modal_backdrop"] = "",
        ["color_success"] = "#498e49",
        ["color_text"] = "#303030",
        ["dim_border_radius"] = "6px",
        ["dim_font_size"] = "13px",
        ["dim_spacing_size"] = "20px",
        ["font_family_body"] = "Georgia, Times, 'Times New Roman', serif",
        ["font_family_heading"] = "'HelveticaNeue-Light', Helvetica, Arial, 'Lucida Grande', sans-serif",
    };
}
