/** A Han character of the CJK Unified Ideographs block: the text of a notice, not its marks. */
export const HAN = /[\u4e00-\u9fff]/;
