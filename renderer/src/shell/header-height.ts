/** The header's height in px: the layout reserves it and toasts start below it. */
export const headerHeight = 60;
