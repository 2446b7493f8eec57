// The names notices give their top-level sections.

/** Sections that state aims, not work: preamble, with everything under them (§2.2 rule 5). */
export const AIMS_HEADINGS = ['总体要求', '指导思想', '工作目标', '目标要求', '主要目标', '总体目标', '基本原则', '工作原则', '总体思路'];

/** Sections of the plan's work and how it is carried out. */
export const WORK_HEADINGS = ['目标任务', '主要任务', '重点任务', '工作任务', '工作措施', '保障措施', '工作要求', '组织保障', '组织领导', '实施步骤', '工作步骤', '工作安排'];
