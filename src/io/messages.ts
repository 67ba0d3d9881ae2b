// Every problem the io layer reports, keyed by its code, in plain Chinese (the default) and English.
// Each message says what went wrong and what the user can do about it; params fill the blanks.
import { isValidityCode, validityMessage, type ValidityCode } from '../core/validity/index.ts';

export type MessageParams = Record<string, string | number | undefined>;

export interface MessageText {
  zh: (p: MessageParams) => string;
  en: (p: MessageParams) => string;
}

const s = (v: string | number | undefined): string => (v === undefined ? '' : String(v));
const size = (p: MessageParams): string => (p.size !== undefined ? s(p.size) : `${s(p.sizeMB)} MB`);
const limit = (p: MessageParams): string => (p.limit !== undefined ? s(p.limit) : `${s(p.limitMB)} MB`);

// `fix` (where a message carries it) says where the user acts: the app's dialogs (absent), the
// command line ('cli') or zonemap.json ('manifest').
const CPG_FIX = {
  zh: '请在 .shp 旁（或压缩包中）放一个同名的 .cpg 文件，写上编码（如 GBK、BIG5、UTF-8、1252）',
  en: 'put a .cpg file of the same name beside the .shp (or in the zip) naming the encoding (e.g. GBK, BIG5, UTF-8, 1252)',
};
const crsFixZh = (p: MessageParams, what: string): string =>
  p.fix === 'cli'
    ? `请用 --crs ${what}后重新运行`
    : p.fix === 'manifest'
      ? `请在 zonemap.json 中为该图层写上 "crs"，${what}`
      : `请在图层设置中${what}`;
const crsFixEn = (p: MessageParams, what: string): string =>
  p.fix === 'cli'
    ? `Run again with --crs giving ${what}`
    : p.fix === 'manifest'
      ? `Give the layer a "crs" in zonemap.json: ${what}`
      : `Set ${what} for the layer`;

export const MESSAGES = {
  'file-too-large': {
    zh: (p) =>
      `文件太大（${size(p)}，超过上限 ${limit(p)}）。请先在 GIS 软件中裁剪到本区域或按图层拆分后再导入。`,
    en: (p) =>
      `The file is too large (${size(p)}, limit ${limit(p)}). Clip it to the area or split it by layer in a GIS program first.`,
  },
  'not-a-regular-file': {
    zh: (p) =>
      `这不是普通文件（${s(p.kind)}），无法作为图层读取。请给出 GeoJSON、Shapefile (.zip)、KML/KMZ 或 CSV 文件的路径。`,
    en: (p) =>
      `This is not a regular file (${s(p.kind)}) and cannot be read as a layer. Give the path of a GeoJSON, zipped Shapefile, KML/KMZ or CSV file.`,
  },
  'zip-entry-too-large': {
    zh: (p) =>
      `压缩包中的 "${s(p.entry)}" 解压后有 ${s(p.size)}，超过单个文件上限 ${s(p.limit)}。压缩包可能已损坏或被构造过；请只把需要的图层文件重新打包后再导入。`,
    en: (p) =>
      `The zip entry "${s(p.entry)}" is too large: it unpacks to ${s(p.size)}, over the ${s(p.limit)} limit for one file. The archive may be damaged or crafted; zip only the layer files you need and import again.`,
  },
  'zip-too-large': {
    zh: (p) =>
      `压缩包解压后共有 ${s(p.size)}${p.needed ? `，其中要读取的图层文件有 ${s(p.needed)}` : ''}，超过上限 ${s(p.limit)}。请按图层分别打包，或先裁剪到本区域。`,
    en: (p) =>
      `The zip archive unpacks to ${s(p.size)} in all${p.needed ? `, ${s(p.needed)} of it in the layer files to read` : ''}, over the ${s(p.limit)} limit. Zip each layer on its own, or clip the data to the area first.`,
  },
  'zip-too-many-entries': {
    zh: (p) => `压缩包中有 ${s(p.count)} 个文件，超过上限 ${s(p.limit)} 个。请只把需要的图层文件重新打包。`,
    en: (p) =>
      `The zip archive holds ${s(p.count)} files, over the limit of ${s(p.limit)}. Zip only the layer files you need.`,
  },
  'property-too-deep': {
    zh: (p) =>
      `属性 "${s(p.key)}" 嵌套超过 ${s(p.limit)} 层，无法读取。属性应是文字、数字或浅层的列表；请在 GIS 软件中删除或展平该属性后重新导出。`,
    en: (p) =>
      `The property "${s(p.key)}" is nested more than ${s(p.limit)} levels deep and cannot be read. Properties should be text, numbers or shallow lists; delete or flatten it in a GIS program and export again.`,
  },
  'unknown-format': {
    zh: () =>
      '无法识别文件格式。支持 GeoJSON (.geojson/.json)、压缩的 Shapefile (.zip)、KML/KMZ 和带坐标列的 CSV。',
    en: () =>
      'The file format is not recognised. Supported: GeoJSON (.geojson/.json), zipped Shapefile (.zip), KML/KMZ and CSV with coordinate columns.',
  },
  'invalid-json': {
    zh: (p) =>
      p.truncated
        ? `文件在第 ${s(p.line)} 行第 ${s(p.column)} 列意外结束，可能下载或复制不完整。请重新导出或重新下载该文件。`
        : `文件不是有效的 JSON：第 ${s(p.line)} 行第 ${s(p.column)} 列附近有错误（${s(p.detail)}）。请用文本编辑器在该处检查逗号、括号和引号。`,
    en: (p) =>
      p.truncated
        ? `The file ends unexpectedly at line ${s(p.line)}, column ${s(p.column)}: it was probably cut off while downloading or copying. Export or download it again.`
        : `The file is not valid JSON: error near line ${s(p.line)}, column ${s(p.column)} (${s(p.detail)}). Check commas, brackets and quotes there in a text editor.`,
  },
  'not-geojson': {
    zh: (p) =>
      `内容是 JSON，但不是 GeoJSON${p.detail ? `（${s(p.detail)}）` : ''}。GeoJSON 需要 "type" 为 FeatureCollection、Feature 或几何类型。请从 GIS 软件重新导出为 GeoJSON。`,
    en: (p) =>
      `The content is JSON but not GeoJSON${p.detail ? ` (${s(p.detail)})` : ''}. GeoJSON needs a "type" of FeatureCollection, Feature or a geometry type. Export it again as GeoJSON from a GIS program.`,
  },
  empty: {
    zh: () => '文件中没有任何要素。请确认导出时选中了要素或图层不为空。',
    en: () => 'The file has no features at all. Check that the exported layer was not empty.',
  },
  'bad-zip': {
    zh: (p) =>
      `压缩包无法打开${p.detail ? `（${s(p.detail)}）` : ''}。文件可能已损坏或不完整，请重新打包或重新下载。`,
    en: (p) =>
      `The zip archive cannot be opened${p.detail ? ` (${s(p.detail)})` : ''}. It may be damaged or incomplete: zip it again or download it again.`,
  },
  'shapefile-missing-part': {
    zh: (p) =>
      `Shapefile 缺少 ${s(p.part)} 文件。请把同名的 .shp、.dbf、.shx（以及 .prj、.cpg）一起打包成 zip。`,
    en: (p) =>
      `The Shapefile lacks its ${s(p.part)} file. Zip the .shp, .dbf, .shx (and .prj, .cpg) of the same name together.`,
  },
  'shapefile-corrupt': {
    zh: (p) =>
      `Shapefile 的 ${s(p.part)} 文件已损坏或不完整${p.detail ? `（${s(p.detail)}）` : ''}。请在 GIS 软件中重新导出。`,
    en: (p) =>
      `The Shapefile's ${s(p.part)} file is damaged or incomplete${p.detail ? ` (${s(p.detail)})` : ''}. Export it again from a GIS program.`,
  },
  'shapefile-record-mismatch': {
    zh: (p) =>
      `.shp 有 ${s(p.shapes)} 个图形而 .dbf 有 ${s(p.records)} 条属性记录，数量不一致；多出的部分没有属性或没有图形。请检查文件是否来自同一次导出。`,
    en: (p) =>
      `The .shp holds ${s(p.shapes)} shapes but the .dbf ${s(p.records)} records; the extra ones have no attributes or no geometry. Check that the files come from the same export.`,
  },
  'multiple-layers': {
    zh: (p) => `压缩包里有 ${s(p.count)} 个图层，只读取了 "${s(p.used)}"。其他图层请分别打包后导入。`,
    en: (p) =>
      `The archive holds ${s(p.count)} layers; only "${s(p.used)}" was read. Zip the others separately to import them.`,
  },
  'encoding-guessed': {
    zh: (p) =>
      `属性表没有 .cpg 编码说明，文件头也未注明，已按内容判断为 ${s(p.encoding)}。如果文字显示为乱码，${p.fix ? CPG_FIX.zh : '请在导入时指定编码'}。`,
    en: (p) =>
      `The attribute table has no .cpg encoding file and its header names no code page; its text was read as ${s(p.encoding)} judging by the content. If text looks garbled, ${p.fix ? CPG_FIX.en : 'choose the encoding when importing'}.`,
  },
  'cpg-not-understood': {
    zh: (p) =>
      `.cpg 文件写的编码 "${s(p.cpg)}" 无法识别，属性表改按文件头或内容判断编码。如果文字显示为乱码，${p.fix ? '' : '请在导入时指定编码，或'}把 .cpg 改为 UTF-8、GBK、BIG5、1252 等。`,
    en: (p) =>
      `The .cpg names an encoding "${s(p.cpg)}" that is not known; the attribute table's encoding was taken from its header or its content instead. If text looks garbled, ${p.fix ? '' : 'choose the encoding when importing, or '}change the .cpg to UTF-8, GBK, BIG5, 1252 or similar.`,
  },
  'unknown-crs': {
    zh: (p) =>
      `无法识别坐标系 "${s(p.crs)}"。${crsFixZh(p, '指定 EPSG 代码')}（如 CGCS2000 3 度带 114° 为 EPSG:4547）。`,
    en: (p) =>
      `The coordinate reference system "${s(p.crs)}" is not recognised. ${crsFixEn(p, 'an EPSG code')} (e.g. EPSG:4547 for CGCS2000 3-degree CM 114°).`,
  },
  'prj-not-understood': {
    zh: (p) =>
      `无法读懂 .prj 中的坐标系 "${s(p.crs)}"${p.reason ? `（${s(p.reason)}）` : ''}，未按猜测处理。${crsFixZh(p, '指定坐标系')}（EPSG 代码或 proj4 字符串），或在 GIS 软件中另存一个 .prj。`,
    en: (p) =>
      `The coordinate system "${s(p.crs)}" in the .prj cannot be read${p.reason ? ` (${s(p.reason)})` : ''}; nothing was guessed. ${crsFixEn(p, 'the CRS (an EPSG code or a proj4 string)')}, or save the .prj again from a GIS program.`,
  },
  'crs-conflict': {
    zh: (p) =>
      `文件自带的坐标系是 ${s(p.fileCrs)}，但指定使用 ${s(p.crs)}；已按指定的 ${s(p.crs)} 处理。如位置不对，请${p.fix === 'cli' ? '去掉 --crs 重新运行' : p.fix === 'manifest' ? '删除 zonemap.json 中该图层的 "crs"' : '删除图层设置中的 crs'}。`,
    en: (p) =>
      `The file declares ${s(p.fileCrs)} but ${s(p.crs)} was requested; ${s(p.crs)} was used. If the data lands in the wrong place, ${p.fix === 'cli' ? 'run again without --crs' : p.fix === 'manifest' ? 'remove the layer\'s "crs" from zonemap.json' : "remove the layer's crs setting"}.`,
  },
  'bad-kml': {
    zh: (p) =>
      `KML 内容无法解析${p.detail ? `（${s(p.detail)}）` : ''}。请从 Google Earth 或 GIS 软件重新导出。`,
    en: (p) =>
      `The KML cannot be parsed${p.detail ? ` (${s(p.detail)})` : ''}. Export it again from Google Earth or a GIS program.`,
  },
  'kml-geometry-unread': {
    zh: (p) =>
      `KML 地标的图形是 <${s(p.element)}>（三维模型或轨迹），zonemap 不读取这类图形，该要素没有图形。请在 GIS 软件中转为点、线或面后再导入。`,
    en: (p) =>
      `The KML placemark's geometry is a <${s(p.element)}> (a 3D model or track), which zonemap does not read; the feature has no geometry. Convert it to points, lines or polygons in a GIS program first.`,
  },
  'csv-no-coordinates': {
    zh: () => 'CSV 中找不到坐标列。需要 经度/纬度（lon/lat、x/y）两列，或一列 WKT 几何。请修改表头后再导入。',
    en: () =>
      'No coordinate columns found in the CSV. It needs longitude/latitude columns (经度/纬度, lon/lat, x/y) or a WKT geometry column. Rename the header and import again.',
  },
  'csv-bad-geometry': {
    zh: (p) => `第 ${s(p.row)} 行的坐标无法读取（${s(p.detail)}），该行没有图形。请检查这一行的坐标数值。`,
    en: (p) =>
      `The coordinates on row ${s(p.row)} cannot be read (${s(p.detail)}); that row has no geometry. Check its coordinate values.`,
  },
  'feature-not-object': {
    zh: (p) => `第 ${s(p.feature)} 个要素不是 GeoJSON Feature 对象，已跳过。请检查文件的 features 数组。`,
    en: (p) =>
      `Item ${s(p.feature)} of the features array is not a GeoJSON Feature object and was skipped. Check the file's features array.`,
  },
  'reproject-failed': {
    zh: (p) => `要素的坐标无法从 ${s(p.crs)} 转换为经纬度。请确认坐标系设置正确。`,
    en: (p) =>
      `The feature's coordinates cannot be converted from ${s(p.crs)} to longitude/latitude. Check the CRS setting.`,
  },
  'read-failed': {
    zh: (p) => `读取文件时出错（${s(p.detail)}）。文件可能已损坏，请重新导出后再试。`,
    en: (p) => `Reading the file failed (${s(p.detail)}). It may be damaged: export it again and retry.`,
  },
  aborted: {
    zh: () => '导入已取消。',
    en: () => 'The import was cancelled.',
  },
  // `fix` says where the user sets the CRS: the import dialog (default), `--crs` on the command
  // line ('cli') or the layer's "crs" in zonemap.json ('manifest').
  'projected-without-crs': {
    zh: (p) => {
      // Without a likely zone the code shown is only an example of the form.
      const code = p.likely ? s(p.likely) : 'EPSG:4547';
      const eg = p.likely ? '' : '（按实际投影带，例如）';
      const fix =
        p.fix === 'cli'
          ? `请用 --crs ${eg}${code} 指定坐标系后重新运行`
          : p.fix === 'manifest'
            ? `请在 zonemap.json 中为该图层写上 "crs": ${eg}"${code}"`
            : `请在导入时选择该坐标系${p.suggestion ? '' : '（Gauss-Kruger 投影带）'}`;
      return `坐标是以米为单位的平面坐标（如 ${s(p.sample)}），但文件按经纬度读取。${p.suggestion ? `可能的坐标系：${s(p.suggestion)}。` : ''}${fix}。`;
    },
    en: (p) => {
      const code = p.likely ? s(p.likely) : 'EPSG:4547';
      const eg = p.likely ? '' : ' (the actual zone, e.g.)';
      const fix =
        p.fix === 'cli'
          ? `Run again with --crs${eg} ${code}.`
          : p.fix === 'manifest'
            ? `Give the layer "crs":${eg} "${code}" in zonemap.json.`
            : `Choose ${p.suggestion ? 'it' : 'the Gauss-Kruger zone'} when importing.`;
      return `The coordinates are metres in a plane (e.g. ${s(p.sample)}) but the file is read as longitude/latitude. ${p.suggestion ? `Likely CRS: ${s(p.suggestion)}. ` : ''}${fix}`;
    },
  },
  'coordinate-out-of-range': {
    zh: (p) =>
      p.swapped
        ? `坐标 ${s(p.sample)} 超出经纬度范围，看起来经度和纬度顺序颠倒了（应为 经度, 纬度）。请交换坐标轴后再导入。`
        : `坐标 ${s(p.sample)} 超出经纬度范围（经度 ±180，纬度 ±90）。请检查坐标值或坐标系设置。`,
    en: (p) =>
      p.swapped
        ? `The coordinate ${s(p.sample)} is outside longitude/latitude range and its axes look swapped (latitude first). Swap the axes and import again.`
        : `The coordinate ${s(p.sample)} is outside the longitude/latitude range (±180, ±90). Check the values or the CRS setting.`,
  },
  'manifest-invalid': {
    zh: (p) => `项目文件 zonemap.json 格式不对（${s(p.detail)}）。请按说明检查其中的 name、crs 和 layers。`,
    en: (p) => `The project file zonemap.json is malformed (${s(p.detail)}). Check its name, crs and layers.`,
  },
  'manifest-bad-value': {
    zh: (p) =>
      `项目文件中 ${s(p.key)} 的值 "${s(p.value)}" 无效，已使用 ${s(p.used)}。请改为 ${s(p.allowed)}。`,
    en: (p) =>
      `The project file's ${s(p.key)} value "${s(p.value)}" is not valid; ${s(p.used)} was used. Use ${s(p.allowed)}.`,
  },
  'layer-invalid': {
    zh: (p) => `图层 ${s(p.layer)} 的设置有误（${s(p.detail)}），该图层未加载。请在 zonemap.json 中改正。`,
    en: (p) =>
      `Layer ${s(p.layer)} is set up wrongly (${s(p.detail)}) and was not loaded. Correct it in zonemap.json.`,
  },
  'layer-file-missing': {
    zh: (p) =>
      `找不到图层 ${s(p.layer)} 的文件 "${s(p.file)}"。请确认文件与 zonemap.json 在同一文件夹，文件名大小写一致。`,
    en: (p) =>
      `The file "${s(p.file)}" of layer ${s(p.layer)} was not found. Check it is in the folder of zonemap.json, with the same letter case.`,
  },
  'duplicate-layer-id': {
    zh: (p) =>
      `图层 id "${s(p.id)}" 重复，第二个已改名为 "${s(p.renamed)}"。请在 zonemap.json 中使用不同的 id。`,
    en: (p) =>
      `The layer id "${s(p.id)}" is used twice; the second was renamed "${s(p.renamed)}". Give each layer its own id.`,
  },
  'not-a-bundle': {
    zh: () => '压缩包中没有 zonemap.json，不是 zonemap 项目包。若是 Shapefile，请作为图层导入。',
    en: () =>
      'The archive holds no zonemap.json, so it is not a zonemap project bundle. Import a Shapefile zip as a layer instead.',
  },
  'unclosed-ring': {
    zh: () => '多边形的环没有闭合（最后一个点与第一个点不同）。可用“闭合环”修复：在末尾补上第一个点。',
    en: () =>
      'A polygon ring is not closed (its last position differs from its first). Repair with "close ring": the first position is appended.',
  },
  'too-few-positions': {
    zh: (p) =>
      p.kind === 'line'
        ? `线只有 ${s(p.count)} 个点，至少需要 2 个。请删除该要素或补画。`
        : `多边形的环只有 ${s(p.count)} 个点，至少需要 4 个（含闭合点）。请删除该要素或重新勾绘。`,
    en: (p) =>
      p.kind === 'line'
        ? `A line has ${s(p.count)} positions; it needs at least 2. Delete the feature or redraw it.`
        : `A polygon ring has ${s(p.count)} positions; it needs at least 4 (with the closing one). Delete the feature or redraw it.`,
  },
  'non-finite-coordinate': {
    zh: (p) => `坐标缺失或不是有效数字（${s(p.detail)}）。请在 GIS 软件中检查该要素的节点。`,
    en: (p) =>
      `A coordinate is missing or not a finite number (${s(p.detail)}). Check the feature's vertices in a GIS program.`,
  },
  'invalid-geometry': {
    zh: (p) => `几何结构不符合 GeoJSON 规范（${s(p.detail)}）。请从 GIS 软件重新导出。`,
    en: (p) =>
      `The geometry does not follow the GeoJSON specification (${s(p.detail)}). Export it again from a GIS program.`,
  },
  'invalid-feature': {
    zh: (p) => `要素结构不符合 GeoJSON 规范（${s(p.detail)}）。请从 GIS 软件重新导出。`,
    en: (p) =>
      `The feature does not follow the GeoJSON specification (${s(p.detail)}). Export it again from a GIS program.`,
  },
  'duplicate-vertex': {
    zh: (p) => `有 ${s(p.count)} 个连续重复的节点。不影响面积；可用“删除重复节点”清理。`,
    en: (p) =>
      `${s(p.count)} consecutive duplicate vertices. Areas are unaffected; repair with "drop duplicate vertices".`,
  },
  'wrong-winding': {
    zh: () => '环的方向不符合 RFC 7946（外环应逆时针、内环顺时针）。不影响面积；可用“调整方向”修复。',
    en: () =>
      'Ring orientation does not follow RFC 7946 (outer counter-clockwise, holes clockwise). Areas are unaffected; repair with "rewind".',
  },
  'crosses-antimeridian': {
    zh: () =>
      '多边形跨越 180° 经线。面积按连续的经度在椭球面上计算；高斯-克吕格平面面积和叠加统计不支持它；可在 180° 处拆分为两部分。',
    en: () =>
      'The polygon crosses the 180° meridian. Its area is measured on the ellipsoid with continuous longitudes; plane areas and overlays cannot hold it; split it at 180°.',
  },
  'empty-geometry': {
    zh: () => '要素的几何为空（没有坐标）。该要素不会显示在地图上，也不计入面积。',
    en: () => 'The feature has an empty geometry (no coordinates). It is not drawn and counts for no area.',
  },
  'too-many-problems': {
    zh: (p) => `另有 ${s(p.count)} 个同类问题（${s(p.problemCode)}）未逐一列出。`,
    en: (p) => `${s(p.count)} more problems of this kind (${s(p.problemCode)}) are not listed one by one.`,
  },
  'plane-zone-far': {
    zh: (p) =>
      `数据距平面面积所用投影带 ${s(p.zone)}（中央经线 ${s(p.cm)}°）的中央经线最远 ${s(p.degrees)}°（经度 ${s(p.lon)}°），超过 ${s(p.reach)}°。高斯-克吕格投影离中央经线越远变形越大，平面面积会明显偏大；请改用椭球面积（--area ellipsoidal），或用 --crs 给出数据所在的投影带。`,
    en: (p) =>
      `The data lie up to ${s(p.degrees)}° (longitude ${s(p.lon)}°) from the central meridian ${s(p.cm)}° of the zone the plane areas use, ${s(p.zone)}: more than ${s(p.reach)}°. Gauss-Kruger distortion grows away from the central meridian and plane areas come out much too large; use ellipsoidal areas (--area ellipsoidal), or give the data's own zone with --crs.`,
  },
  // Scenarios in the manifest (contract §5).
  'scenario-invalid': {
    zh: (p) =>
      `项目文件 ${s(p.manifest)} 中的方案 ${s(p.scenario)} 设置有误（${s(p.detail)}）。请按 scenarios: [{ "id", "name", "note", "layers": { 图层id: "文件" } }] 的格式改正。`,
    en: (p) =>
      `Scenario ${s(p.scenario)} in ${s(p.manifest)} is set up wrongly (${s(p.detail)}). Write it as scenarios: [{ "id", "name", "note", "layers": { layerId: "file" } }].`,
  },
  'scenario-duplicate-id': {
    zh: (p) =>
      `项目文件 ${s(p.manifest)} 中有 ${s(p.count)} 个方案的 id 都是 "${s(p.scenario)}"。请给每个方案不同的 id。`,
    en: (p) =>
      `${s(p.count)} scenarios in ${s(p.manifest)} share the id "${s(p.scenario)}". Give each scenario its own id.`,
  },
  'scenario-unknown-layer': {
    zh: (p) =>
      `项目文件 ${s(p.manifest)} 中方案 ${s(p.scenario)} 要替换的图层 "${s(p.layer)}" 不存在。方案的 layers 只能用基础图层的 id：${s(p.ids)}。`,
    en: (p) =>
      `Scenario ${s(p.scenario)} in ${s(p.manifest)} replaces a layer "${s(p.layer)}" that does not exist. Its layers must name base layer ids: ${s(p.ids)}.`,
  },
  'scenario-file-missing': {
    zh: (p) =>
      `找不到方案 ${s(p.scenario)} 中图层 ${s(p.layer)} 的文件 "${s(p.file)}"（${s(p.detail)}）。文件路径相对于 ${s(p.manifest)} 所在文件夹；请把文件放到那里或改正 zonemap.json 中的路径。`,
    en: (p) =>
      `The file "${s(p.file)}" of layer ${s(p.layer)} in scenario ${s(p.scenario)} was not found (${s(p.detail)}). Paths are relative to the folder of ${s(p.manifest)}: put the file there or correct the path in zonemap.json.`,
  },
  'presentation-invalid': {
    zh: (p) =>
      `项目文件 ${s(p.manifest)} 中的 presentation（汇报演示）格式不对：${s(p.detail)}，汇报未读入。请按 docs/presentation.md 改正。`,
    en: (p) =>
      `The presentation in ${s(p.manifest)} is malformed: ${s(p.detail)}; it was not read. Correct it as docs/presentation.md describes.`,
  },
  'slide-invalid': {
    zh: (p) =>
      `项目文件 ${s(p.manifest)} 中汇报第 ${s(p.slide)} 页${p.title ? `「${s(p.title)}」` : ''}的 ${s(p.key)} 不对：${s(p.detail)}。该页未读入；请改正后重新打开。`,
    en: (p) =>
      `Slide ${s(p.slide)}${p.title ? ` "${s(p.title)}"` : ''} of the presentation in ${s(p.manifest)} has a bad ${s(p.key)}: ${s(p.detail)}. The slide was left out; correct it and open the project again.`,
  },
  'slide-bad-value': {
    zh: (p) =>
      `项目文件 ${s(p.manifest)} 中汇报第 ${s(p.slide)} 页${p.title ? `「${s(p.title)}」` : ''}的 ${s(p.key)} 值 "${s(p.value)}" 无效，已忽略。可用的值：${s(p.allowed)}。`,
    en: (p) =>
      `Slide ${s(p.slide)}${p.title ? ` "${s(p.title)}"` : ''} of the presentation in ${s(p.manifest)}: the ${s(p.key)} value "${s(p.value)}" is not valid and was ignored. Allowed: ${s(p.allowed)}.`,
  },
} satisfies Record<string, MessageText>;

/** The validity engine's codes speak with core's words, so validate and area say the same thing. */
function validityText(code: ValidityCode): MessageText {
  const words = (p: MessageParams, lang: 'zh' | 'en'): string =>
    validityMessage(code, [Number(p.x), Number(p.y)], Number(p.count ?? 1), lang);
  return { zh: (p) => words(p, 'zh'), en: (p) => words(p, 'en') };
}

export function messageText(code: string): MessageText | undefined {
  const own = (MESSAGES as Record<string, MessageText>)[code];
  if (own) return own;
  return isValidityCode(code) ? validityText(code) : undefined;
}

export function formatMessage(code: string, params: MessageParams, lang: 'zh' | 'en' = 'zh'): string {
  const text = messageText(code);
  if (!text) return code;
  return text[lang](params);
}
