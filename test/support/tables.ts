// Tables whose header cells stand as lines of their own, as a notice flattened them (clean already:
// the table stage reads them as they are). The table stage's tests and the pipeline's share them.

/** 目标 / 任务 / 主要内容 / 责任单位, then paragraphs each closed by a line of its units. */
export const LONE_HEADER_UNIT_LINES = [
  '某市2019年政务公开工作要点实施方案',
  '目标',
  '任务',
  '主要内容',
  '责任单位',
  '一、以公开促进发展',
  '（一）稳定市场预期',
  '围绕全市经济运行情况，及时发布权威数据，解读经济形势。',
  '市统计局牵头落实',
  '加强就业政策公开，解读政策背景和落实情况。',
  '市人社局、市教育局分别牵头落实',
];

/** 工作任务 / 具体措施 / 责任单位 / 完成时限, then numbered items each followed by a unit line and a limit line. */
export const LONE_HEADER_UNIT_AND_LIMIT_LINES = [
  '工作任务',
  '具体措施',
  '责任单位',
  '完成时限',
  '（一）推进规章集中公开',
  '1.完善规章数据库，及时更新规章文本。',
  '市司法局',
  '2024年底前',
  '2.建立规范性文件库，实现集中统一公开。',
  '市政府办公室牵头，市直各单位按职能分工落实',
  '2024年11月底前',
];

/**
 * 工作任务 / 具体措施 / 牵头单位 / 配合单位 / 完成时限, each task cell numbered as its requirement
 * is (（一）… then （一）… again), a second paragraph of the requirement, then a closing paragraph.
 */
export const LONE_HEADER_NUMBERED_TWICE = [
  '工作任务',
  '具体措施',
  '牵头单位',
  '配合单位',
  '完成时限',
  '（一）做好预决算公开',
  '（一）全面公开部门预算和决算。',
  '同步公开绩效目标和评价结果。',
  '某县财政局',
  '某县直各部门',
  '2024年6月底前',
  '（二）推进政策解读',
  '（二）解读材料与政策文件同步起草、同步发布。',
  '某县政府办',
  '某县司法局',
  '持续推进',
  '各单位要按照分工抓好落实。',
];
