// The pure domain core: import from '@/lib/domain' rather than from the single files.
export * from './types';
export * from './time';
export * from './money';
export * from './stats';
export * from './tiers';
export * from './rfm';
export * from './lapse';
export * from './journeys';
export * from './categories';
export * from './category-lapse';
export * from './category-figures';
export * from './points';
