import { startApp } from './lifecycle';

startApp();
