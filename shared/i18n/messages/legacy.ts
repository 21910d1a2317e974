import { defineMessages } from '../define';

// Legacy Vietnamese font encodings met in imported workbooks (the preview names the one found).
export const legacy = defineMessages(
  {
    'legacy.encoding.unicode': 'Unicode',
    'legacy.encoding.tcvn3': 'TCVN3 (ABC, phông .VnTime…)',
    'legacy.encoding.vni': 'VNI (phông VNI-Times…)',
    'legacy.encoding.mixed': 'TCVN3 và VNI lẫn nhau',
    'legacy.encodingFound': 'Bảng mã: {encoding}',
    'legacy.converted': 'Chữ trong tệp được gõ bằng bảng mã {encoding}; đã chuyển sang Unicode.',
  },
  {
    'legacy.encoding.unicode': 'Unicode',
    'legacy.encoding.tcvn3': 'TCVN3 (ABC, .VnTime… fonts)',
    'legacy.encoding.vni': 'VNI (VNI-Times… fonts)',
    'legacy.encoding.mixed': 'TCVN3 and VNI mixed',
    'legacy.encodingFound': 'Encoding: {encoding}',
    'legacy.converted': 'The text in this file was typed in the {encoding} encoding and has been converted to Unicode.',
  },
);
