namespace Pipeline.Ocr;

/// <summary>Tesseract's page segmentation modes (TessPageSegMode); the values are the C API's.</summary>
public enum PageSegmentation
{
    /// <summary>Orientation and script detection only.</summary>
    OsdOnly = 0,

    /// <summary>Automatic layout with orientation and script detection.</summary>
    AutoOsd = 1,

    /// <summary>Automatic layout without OSD or recognition.</summary>
    AutoOnly = 2,

    /// <summary>Automatic layout without OSD: running text on a page or a region.</summary>
    Auto = 3,

    /// <summary>One column of text of variable sizes.</summary>
    SingleColumn = 4,

    /// <summary>One block of vertically aligned text.</summary>
    SingleBlockVerticalText = 5,

    /// <summary>One uniform block of text: a multi-line label cell.</summary>
    SingleBlock = 6,

    /// <summary>One line of text: a numeric cell.</summary>
    SingleLine = 7,

    /// <summary>One word.</summary>
    SingleWord = 8,

    /// <summary>One word in a circle.</summary>
    CircleWord = 9,

    /// <summary>One character.</summary>
    SingleCharacter = 10,

    /// <summary>As much text as possible, in no particular order.</summary>
    SparseText = 11,

    /// <summary>Sparse text with OSD.</summary>
    SparseTextOsd = 12,

    /// <summary>One line, bypassing Tesseract's own layout hacks.</summary>
    RawLine = 13,
}
