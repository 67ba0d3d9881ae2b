// MapLibre's own UI strings (control tooltips, scale units) in the app's languages.
export type MapLang = 'zh' | 'en';

export const MAP_LOCALES: Record<MapLang, Record<string, string>> = {
  zh: {
    'NavigationControl.ZoomIn': '放大',
    'NavigationControl.ZoomOut': '缩小',
    'NavigationControl.ResetBearing': '拖动旋转地图，单击恢复正北',
    'ScaleControl.Meters': '米',
    'ScaleControl.Kilometers': '千米',
    'Map.Title': '地图',
    'Popup.Close': '关闭',
    'AttributionControl.ToggleAttribution': '显示或隐藏版权信息',
  },
  en: {
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'NavigationControl.ResetBearing': 'Drag to rotate the map, click to reset north',
    'ScaleControl.Meters': 'm',
    'ScaleControl.Kilometers': 'km',
    'Map.Title': 'Map',
    'Popup.Close': 'Close popup',
    'AttributionControl.ToggleAttribution': 'Toggle attribution',
  },
};
